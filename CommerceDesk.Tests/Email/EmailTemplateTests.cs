using CommerceDesk.Data;
using CommerceDesk.Tests.Support;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Channels;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Email;

public abstract class EmailTemplateTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : EmailTemplateTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : EmailTemplateTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await EmailTestKit.CreateAsync(provider);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task EveryDefaultTemplateIsSeededOnceAndRendersTheSampleData()
    {
        await new EmailTemplateSeeder(_kit.Factory, _kit.Time).SeedAsync(CancellationToken.None);

        await using var db = _kit.Db();
        var templates = await db.Set<EmailTemplate>().ToListAsync();
        templates.Select(t => t.Key).ShouldBe(
            [EmailTemplateKeys.CartReminder, EmailTemplateKeys.Quotation, EmailTemplateKeys.OrderConfirmation,
             EmailTemplateKeys.OrderStatusChanged, EmailTemplateKeys.DeliveryDone, EmailTemplateKeys.StaffNewOrder, EmailTemplateKeys.StaffOrderStatus,
             EmailTemplateKeys.ReturnAccepted, EmailTemplateKeys.ReturnRefused], ignoreOrder: true);
        foreach (var template in templates)
        {
            var preview = await EmailTemplateEditor.PreviewAsync(new EmailContent(template.Subject, template.HtmlBody, template.TextBody));
            preview.Errors.ShouldBeEmpty(template.Key);
            preview.Email!.HtmlBody.ShouldNotContain("<b>VIP</b>", Case.Sensitive);
        }
    }

    [Fact]
    public async Task HtmlBodiesEncodeEveryValueWhileTextBodiesKeepThemAsTyped()
    {
        var model = new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?> { ["name"] = "O'Brien <script>" },
            ["lines"] = new List<object?> { new Dictionary<string, object?> { ["name"] = "Cup & \"saucer\"" } },
        };

        var email = await LiquidRenderer.RenderAsync(new EmailContent(
            "Hi {{ customer.name }}",
            "<p>{{ customer.name }}</p>{% for l in lines %}<i>{{ l.name }}</i>{% endfor %}",
            "{{ customer.name }}"), model);

        email.HtmlBody.ShouldBe("<p>O&#x27;Brien &lt;script&gt;</p><i>Cup &amp; &quot;saucer&quot;</i>");
        email.TextBody.ShouldBe("O'Brien <script>");
        email.Subject.ShouldBe("Hi O'Brien <script>");
    }

    [Fact]
    public async Task TheDefaultTemplatesFillInEverySnakeCaseVariableOfTheModel()
    {
        var sample = EmailModel.Sample();
        var rendered = new Dictionary<string, RenderedEmail>();
        foreach (var template in DefaultEmailTemplates.All)
            rendered[template.Key] = await LiquidRenderer.RenderAsync(new EmailContent(template.Subject, template.HtmlBody, template.TextBody), sample);

        var reminder = rendered[EmailTemplateKeys.CartReminder];
        reminder.Subject.ShouldBe("You left something in your cart at Web shop");
        reminder.HtmlBody.ShouldContain("2 × Espresso cup &amp; saucer");
        reminder.HtmlBody.ShouldContain("25.00 EUR");
        reminder.HtmlBody.ShouldContain("href=\"https://shop.example.com/cart/resume?cart=sample&amp;token=sample-token\"");
        reminder.TextBody.ShouldContain("- 1 x Coffee beans 1 kg: 24.90 EUR");
        reminder.TextBody.ShouldContain("Resume your order: https://shop.example.com/cart/resume?cart=sample&token=sample-token");
        rendered[EmailTemplateKeys.OrderStatusChanged].TextBody.ShouldContain("is now Completed - Delivered.");
        rendered[EmailTemplateKeys.DeliveryDone].TextBody.ShouldContain("Tracking number: JD014600003828");
        rendered[EmailTemplateKeys.StaffNewOrder].Subject.ShouldBe("New order WEB-100042 (49.90 EUR)");
    }

    [Fact]
    public async Task AnEmptyConditionIsFalseAndTheRestOfTheSentenceStays()
    {
        var order = new Dictionary<string, object?> { ["number"] = "WEB-1", ["status"] = "Incoming", ["sub_status"] = null };
        var template = DefaultEmailTemplates.All.Single(t => t.Key == EmailTemplateKeys.OrderStatusChanged);

        var email = await LiquidRenderer.RenderAsync(new EmailContent(template.Subject, template.HtmlBody, template.TextBody),
            new Dictionary<string, object?> { ["order"] = order, ["customer"] = EmailModel.Customer("Ann", "ann@example.com") });

        email.TextBody.ShouldContain("Your order WEB-1 is now Incoming.");
    }

    [Fact]
    public async Task TheRawFilterCannotTurnAStorefrontValueIntoMarkup()
    {
        var model = new Dictionary<string, object?> { ["customer"] = new Dictionary<string, object?> { ["name"] = "<b>VIP</b>" } };

        var email = await LiquidRenderer.RenderAsync(new EmailContent("Hi", "<p>{{ customer.name | raw }}</p>", "{{ customer.name | raw }}"), model);

        email.HtmlBody.ShouldBe("<p>&lt;b&gt;VIP&lt;/b&gt;</p>");
        email.TextBody.ShouldBe("<b>VIP</b>");
    }

    [Fact]
    public async Task ARunawayLoopIsReportedAsATemplateErrorInsteadOfHoldingTheWorker()
    {
        var error = await Should.ThrowAsync<InvalidTemplateException>(() => LiquidRenderer.RenderAsync(new EmailContent(
            "Hi", "{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}", "ok"), EmailModel.Sample()));

        error.Errors.ShouldHaveSingleItem().Part.ShouldBe("HTML body");
    }

    [Fact]
    public void AnUnclosedTagIsReportedWithItsPartAndAReadableReason()
    {
        var errors = LiquidRenderer.Validate(new EmailContent("Hi {{ customer.name", "<p>ok</p>", "{% if cart.items %}no end"));

        errors.Select(e => e.Part).ShouldBe(["Subject", "Text body"]);
        errors.Select(e => e.Message).ShouldBe(
            ["End of tag '}}' was expected at line 1, column 20.", "'{% endif %}' was expected at line 1, column 26."]);
    }

    [Fact]
    public async Task InvalidLiquidIsReportedAndNothingIsSaved()
    {
        var editor = new EmailTemplateEditor(_kit.Factory, _kit.Time);
        var reminder = (await editor.ListAsync(CancellationToken.None)).Single(t => t.Key == EmailTemplateKeys.CartReminder);

        var result = await editor.SaveAsync(reminder.Id, reminder.Version,
            new EmailContent("New subject", "{% for line in cart.items %}<p>{{ line.name }}</p>", "ok"), CancellationToken.None);

        result.Saved.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Part.ShouldBe("HTML body");
        await using var db = _kit.Db();
        (await db.Set<EmailTemplate>().SingleAsync(t => t.Key == EmailTemplateKeys.CartReminder)).Subject.ShouldBe(reminder.Subject);
    }

    [Fact]
    public async Task AValidEditIsSavedAndAStaleOneIsRefused()
    {
        var editor = new EmailTemplateEditor(_kit.Factory, _kit.Time);
        var quotation = (await editor.ListAsync(CancellationToken.None)).Single(t => t.Key == EmailTemplateKeys.Quotation);
        var content = new EmailContent("Quote {{ order.number }}", "<p>{{ order.total }}</p>", "{{ order.total }}");

        (await editor.SaveAsync(quotation.Id, quotation.Version, content, CancellationToken.None)).Saved.ShouldBeTrue();
        var stale = await editor.SaveAsync(quotation.Id, quotation.Version, content with { Subject = "Other" }, CancellationToken.None);

        stale.Message.ShouldBe("Someone else changed this template meanwhile; reload it to see their version.");
        await using var db = _kit.Db();
        (await db.Set<EmailTemplate>().SingleAsync(t => t.Id == quotation.Id)).Subject.ShouldBe("Quote {{ order.number }}");
    }

    [Fact]
    public async Task SwitchingRemindersOnRecordsTheActivationAndABadDelayChangesNothing()
    {
        var channel = await _kit.AddChannelAsync(reminders: false);
        var settings = new ChannelReminderSettings(_kit.Factory, _kit.Time);

        (await settings.SaveAsync(channel.Id, true, 90, EmailTemplateKeys.CartReminder, CancellationToken.None)).ShouldBeNull();
        _kit.Time.Advance(TimeSpan.FromHours(1));
        var error = await settings.SaveAsync(channel.Id, false, 1, EmailTemplateKeys.CartReminder, CancellationToken.None);

        error.ShouldBe("The abandonment delay must be between 5 minutes and 30 days.");
        var row = (await settings.ListAsync(CancellationToken.None)).Single();
        row.RemindersEnabled.ShouldBeTrue();
        row.RemindersEnabledAt.ShouldBe(EmailTestKit.Start.UtcDateTime);
        row.DelayMinutes.ShouldBe(90);
        (await settings.SaveAsync(channel.Id, true, 60, EmailTemplateKeys.Quotation, CancellationToken.None))
            .ShouldBe("Choose an abandoned-cart reminder template.");
    }
}

public abstract class TemplatedEmailQueueTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : TemplatedEmailQueueTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TemplatedEmailQueueTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await EmailTestKit.CreateAsync(provider);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task AnEnqueueWithAnExistingDedupeKeyIsANoOp()
    {
        await using var db = _kit.Db();
        var model = EmailModel.Sample();

        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        var first = await Web.Email.Outbox.TemplatedEmailQueue.AddAsync(db, EmailTemplateKeys.OrderConfirmation, "ann@example.com", model, "order-confirmation:1", _kit.Now, logger, CancellationToken.None);
        await db.SaveChangesAsync();
        var second = await Web.Email.Outbox.TemplatedEmailQueue.AddAsync(db, EmailTemplateKeys.OrderConfirmation, "ann@example.com", model, "order-confirmation:1", _kit.Now, logger, CancellationToken.None);
        await db.SaveChangesAsync();

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        var message = await db.Set<OutboxMessage>().SingleAsync();
        message.Subject.ShouldBe("Order WEB-100042 confirmed");
        message.HtmlBody.ShouldContain("Siobhan O&#x27;Brien &lt;b&gt;VIP&lt;/b&gt;");
    }

    [Fact]
    public async Task ADuplicateThatSlipsPastTheCheckIsCaughtByTheUniqueIndexAndReportedAsQueuedBefore()
    {
        // Another node inserts the same key between our existence check and our INSERT.
        var racer = new RacingInsert(_kit);
        await using var db = TestDatabase.Open(_kit.Path, racer);

        var added = await Web.Email.Outbox.OutboxWriter.EnqueueAsync(db, new OutboxMessage("race:1", "ann@example.com", "Ours", "", "", _kit.Now), CancellationToken.None);

        added.ShouldBeFalse();
        racer.Raced.ShouldBeTrue();
        await using var check = _kit.Db();
        (await check.Set<OutboxMessage>().SingleAsync()).Subject.ShouldBe("Theirs");
    }

    private sealed class RacingInsert(EmailTestKit kit) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public bool Raced { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Raced && command.CommandText.Contains("INSERT INTO \"OutboxMessages\"", StringComparison.Ordinal))
            {
                Raced = true;
                await using var other = kit.Db();
                other.Add(new OutboxMessage("race:1", "ann@example.com", "Theirs", "", "", kit.Now));
                await other.SaveChangesAsync(cancellationToken);
            }
            return result;
        }
    }
}
