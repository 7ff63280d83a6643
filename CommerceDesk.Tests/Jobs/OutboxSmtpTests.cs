using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Email;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Delivery;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommerceDesk.Tests.Jobs;

/// <summary>The outbox job against a real SMTP server (aiosmtpd) through MailKit.</summary>
public abstract class OutboxSmtpTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : OutboxSmtpTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OutboxSmtpTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;
    private readonly SmtpSink _smtp = new();

    public async Task InitializeAsync()
    {
        _kit = await EmailTestKit.CreateAsync(provider);
        _kit.Options.Delivery = MailDelivery.Smtp;
        _kit.Options.Smtp = new SmtpOptions
        {
            Host = "127.0.0.1", Port = _smtp.Port, Security = SmtpSecurity.None, From = "Web shop <shop@commercedesk.test>",
        };
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _kit.DisposeAsync();
    }

    private OutboxSender Sender()
    {
        var options = Options.Create(_kit.Options);
        return new OutboxSender(_kit.Factory, new SmtpMailTransport(options), options, _kit.Time, NullLogger<OutboxSender>.Instance);
    }

    /// <summary>A reminder queued by the sweep for a customer whose name needs HTML encoding.</summary>
    private async Task<CommerceDesk.Domain.Carts.Cart> QueueReminderForOBrienAsync()
    {
        var channel = await _kit.AddChannelAsync();
        await using (var db = _kit.Db())
        {
            db.Customers.Add(new CommerceDesk.Domain.Customers.Customer(channel.Id, "cust-obrien",
                new CommerceDesk.Domain.Customers.CustomerDetails("obrien@example.com", "O'Brien", "<script>", null, null, false, null), _kit.Now, _kit.Now));
            await db.SaveChangesAsync();
        }
        var cart = await _kit.AddCartAsync(channel.Id, c => c.WithEmail("obrien@example.com").WithCustomer("cust-obrien"));
        await using (var db = _kit.Db())
        {
            var customerId = await db.Customers.Where(c => c.ExternalId == "cust-obrien").Select(c => c.Id).SingleAsync();
            var tracked = await db.Carts.SingleAsync(c => c.Id == cart.Id);
            tracked.LinkCustomer(customerId);
            await db.SaveChangesAsync();
        }
        _kit.Time.Advance(TimeSpan.FromHours(2));
        (await _kit.Sweep().RunAsync(CancellationToken.None)).RemindersQueued.ShouldBe(1);
        return cart;
    }

    [Fact]
    public async Task TheOutboxJobDeliversTheReminderOverSmtp()
    {
        var cart = await QueueReminderForOBrienAsync();
        await _smtp.StartAsync();

        var sent = await Sender().RunAsync(CancellationToken.None);

        sent.ShouldBe(1);
        var message = _smtp.Received().ShouldHaveSingleItem();
        message.To.Mailboxes.Single().Address.ShouldBe("obrien@example.com");
        message.From.Mailboxes.Single().Address.ShouldBe("shop@commercedesk.test");
        message.Subject.ShouldBe("You left something in your cart at Web shop");
        message.HtmlBody!.ShouldContain("Hello O&#x27;Brien &lt;script&gt;,");
        message.HtmlBody!.ShouldNotContain("<script>");
        var link = $"https://shop.example.com/cart/resume?cart={cart.ExternalId}&amp;token={_kit.Links.TokenFor("web", cart.ExternalId)}";
        message.HtmlBody!.ShouldContain($"<a href=\"{link}\"");
        message.HtmlBody!.ShouldContain("Resume your order</a>");
        message.TextBody!.ShouldContain("Hello O'Brien <script>,");
        await using var db = _kit.Db();
        var row = await db.Set<OutboxMessage>().SingleAsync();
        row.Status.ShouldBe(OutboxStatus.Sent);
        row.SentAt.ShouldBe(_kit.Now);
        row.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task WhileSmtpIsDownTheMessageWaitsAndIsDeliveredOnceAfterItComesBack()
    {
        await QueueReminderForOBrienAsync();

        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(0);

        await using (var db = _kit.Db())
        {
            var waiting = await db.Set<OutboxMessage>().SingleAsync();
            waiting.Status.ShouldBe(OutboxStatus.Pending);
            waiting.Attempts.ShouldBe(1);
            waiting.LastError.ShouldNotBeNullOrWhiteSpace();
            waiting.NextAttemptAt.ShouldBe(_kit.Now + OutboxMessage.RetryDelay(1));
        }

        await _smtp.StartAsync();
        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(0, "the retry is not due yet");
        _smtp.Received().ShouldBeEmpty();

        _kit.Time.Advance(OutboxMessage.RetryDelay(1));
        var runs = await Task.WhenAll(Sender().RunAsync(CancellationToken.None), Sender().RunAsync(CancellationToken.None));
        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(0);

        runs.Sum().ShouldBe(1);
        _smtp.Received().Count.ShouldBe(1);
        await using var check = _kit.Db();
        var sent = await check.Set<OutboxMessage>().SingleAsync();
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task AStaleSendingLeaseIsReclaimed()
    {
        await QueueReminderForOBrienAsync();
        await using (var db = _kit.Db())
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimToken, Guid.NewGuid())
                .SetProperty(m => m.NextAttemptAt, _kit.Now + OutboxSender.Lease));
        await _smtp.StartAsync();

        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(0, "the lease still holds");
        _kit.Time.Advance(OutboxSender.Lease);
        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(1);

        _smtp.Received().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ARejectedRecipientFailsAtOnce()
    {
        await using (var db = _kit.Db())
        {
            db.Add(new OutboxMessage("test:reject", "someone@example.com", "Hi", "<p>Hi</p>", "Hi", _kit.Now));
            await db.SaveChangesAsync();
        }
        var options = Options.Create(_kit.Options);
        var sender = new OutboxSender(_kit.Factory, new RejectingTransport(), options, _kit.Time, NullLogger<OutboxSender>.Instance);

        await sender.RunAsync(CancellationToken.None);

        await using var check = _kit.Db();
        var failed = await check.Set<OutboxMessage>().SingleAsync();
        failed.Status.ShouldBe(OutboxStatus.Failed);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldBe("550 mailbox unavailable");
    }

    private sealed class RejectingTransport : IMailTransport, IMailConnection
    {
        public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IMailConnection>(this);

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            throw new MailRejectedException("550 mailbox unavailable");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
