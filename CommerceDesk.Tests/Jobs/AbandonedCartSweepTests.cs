using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Email;
using CommerceDesk.Web.Carts.Abandonment;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Jobs;

public abstract class AbandonedCartSweepTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AbandonedCartSweepTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AbandonedCartSweepTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await EmailTestKit.CreateAsync(provider);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task TwoConcurrentSweepsQueueOneReminderPerCart()
    {
        var channel = await _kit.AddChannelAsync();
        var carts = new List<Cart>();
        for (var i = 0; i < 60; i++) carts.Add(await _kit.AddCartAsync(channel.Id));
        _kit.Time.Advance(TimeSpan.FromHours(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _kit.Sweep().RunAsync(CancellationToken.None))));

        results.Sum(r => r.MarkedAbandoned).ShouldBe(60);
        results.Sum(r => r.RemindersQueued).ShouldBe(60);
        await using var db = _kit.Db();
        var keys = await db.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync();
        keys.Count.ShouldBe(60);
        keys.ShouldBe(carts.Select(c => $"cart-reminder:{c.Id}"), ignoreOrder: true);
        (await db.Carts.CountAsync(c => c.Status == CartStatus.Abandoned && c.ReminderSentAt != null)).ShouldBe(60);
    }

    [Fact]
    public async Task ACartAbandonedBeforeActivationGetsNoReminder()
    {
        var channel = await _kit.AddChannelAsync(reminders: false);
        var old = await _kit.AddCartAsync(channel.Id);
        _kit.Time.Advance(TimeSpan.FromHours(2));
        await _kit.Sweep().RunAsync(CancellationToken.None);

        _kit.Time.Advance(TimeSpan.FromMinutes(5));
        await _kit.EnableRemindersAsync(channel.Id);
        var fresh = await _kit.AddCartAsync(channel.Id);
        _kit.Time.Advance(TimeSpan.FromHours(2));
        var result = await _kit.Sweep().RunAsync(CancellationToken.None);

        result.RemindersQueued.ShouldBe(1);
        await using var db = _kit.Db();
        (await db.Set<OutboxMessage>().SingleAsync()).DedupeKey.ShouldBe($"cart-reminder:{fresh.Id}");
        var oldCart = await db.Carts.SingleAsync(c => c.Id == old.Id);
        oldCart.ReminderSentAt.ShouldBeNull();
        oldCart.ReminderCheckedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task IneligibleCartsAreMarkedCheckedAndNotExaminedAgain()
    {
        var channel = await _kit.AddChannelAsync();
        var free = await _kit.AddCartAsync(channel.Id, c => c.WithItems(new LineInput("GIFT", "Free sample", 1, 0m)));
        _kit.Time.Advance(TimeSpan.FromHours(2));

        var first = await _kit.Sweep().RunAsync(CancellationToken.None);
        var second = await _kit.Sweep().RunAsync(CancellationToken.None);

        first.Ineligible.ShouldBe(1);
        second.ShouldBe(new AbandonedCartSweep.Result(0, 0, 0));
        await using var db = _kit.Db();
        (await db.Carts.SingleAsync(c => c.Id == free.Id)).ReminderCheckedAt.ShouldNotBeNull();
        (await db.Set<OutboxMessage>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ACartIdleLessThanTheDelayIsLeftOpen()
    {
        var channel = await _kit.AddChannelAsync();
        var cart = await _kit.AddCartAsync(channel.Id);
        _kit.Time.Advance(TimeSpan.FromMinutes(59));

        var result = await _kit.Sweep().RunAsync(CancellationToken.None);

        result.MarkedAbandoned.ShouldBe(0);
        await using var db = _kit.Db();
        (await db.Carts.SingleAsync(c => c.Id == cart.Id)).Status.ShouldBe(CartStatus.Open);
    }

    [Fact]
    public async Task ACustomerWhoOrderedSinceGetsNoReminder()
    {
        var channel = await _kit.AddChannelAsync();
        var cart = await _kit.AddCartAsync(channel.Id, c => c.WithEmail("olga@example.com"));
        _kit.Time.Advance(TimeSpan.FromMinutes(30));
        await using (var db = _kit.Db())
        {
            db.Orders.Add(new CommerceDesk.Domain.Orders.Order(channel.Id, "o-1", new CommerceDesk.Domain.Orders.OrderSnapshot(
                "WEB-1", null, null, "olga@example.com", "EUR", [new LineInput("S", "Other cup", 1, 9m)],
                new CommerceDesk.Domain.Orders.PaymentMethod("card", CommerceDesk.Domain.Orders.PaymentKind.Online), CommerceDesk.Domain.Orders.PaymentStatus.Paid, _kit.Now), _kit.Now, _kit.Now));
            await db.SaveChangesAsync();
        }
        _kit.Time.Advance(TimeSpan.FromHours(2));

        var result = await _kit.Sweep().RunAsync(CancellationToken.None);

        result.MarkedAbandoned.ShouldBe(1);
        result.RemindersQueued.ShouldBe(0);
        result.Ineligible.ShouldBe(1);
    }

    [Fact]
    public async Task TheReminderCarriesTheEncodedNameAndTheResumeLink()
    {
        var channel = await _kit.AddChannelAsync();
        var cart = await _kit.AddCartAsync(channel.Id, c => c.WithItems(new LineInput("X", "Mug <b>big</b>", 1, 5m)));
        _kit.Time.Advance(TimeSpan.FromHours(2));

        await _kit.Sweep().RunAsync(CancellationToken.None);

        await using var db = _kit.Db();
        var message = await db.Set<OutboxMessage>().SingleAsync();
        message.To.ShouldBe(cart.Email);
        message.HtmlBody.ShouldContain("Mug &lt;b&gt;big&lt;/b&gt;");
        message.HtmlBody.ShouldContain(_kit.Links.TokenFor("web", cart.ExternalId));
        message.TextBody.ShouldContain("Resume your order: https://shop.example.com/cart/resume?cart=" + cart.ExternalId);
    }

    [Fact]
    public async Task AManualReminderIsSentOnceAndTheSweepSkipsTheCart()
    {
        var channel = await _kit.AddChannelAsync();
        var cart = await _kit.AddCartAsync(channel.Id);
        var noEmail = await _kit.AddCartAsync(channel.Id, c => c.WithEmail(null).WithCustomer("cust-9"));

        var bulk = await _kit.ManualReminder().SendManyAsync([cart.Id, noEmail.Id, cart.Id, 999_999], CancellationToken.None);
        var again = await _kit.ManualReminder().SendAsync(cart.Id, CancellationToken.None);
        _kit.Time.Advance(TimeSpan.FromHours(2));
        var sweep = await _kit.Sweep().RunAsync(CancellationToken.None);

        bulk.Queued.ShouldBe(1);
        bulk.Skipped.Select(s => (s.CartId, s.Message)).ShouldBe(
            [(999_999L, "The cart no longer exists."), (noEmail.Id, "The cart has no customer e-mail address.")], ignoreOrder: true);
        again.Queued.ShouldBeFalse();
        again.Message.ShouldBe("A reminder was already sent for this cart.");
        sweep.RemindersQueued.ShouldBe(0);
        await using var db = _kit.Db();
        (await db.Set<OutboxMessage>().CountAsync()).ShouldBe(1);
    }
}
