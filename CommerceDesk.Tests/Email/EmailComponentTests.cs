using Bunit;
using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Reminders;
using CommerceDesk.Web.Email.Templates;
using CommerceDesk.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CommerceDesk.Tests.Email;

public sealed class EmailComponentTests : IAsyncLifetime
{
    private EmailTestKit _kit = null!;
    private readonly BunitContext _context = new();

    public async Task InitializeAsync()
    {
        _kit = await EmailTestKit.CreateAsync();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddDisplayTimeZone();
        _context.Services.AddSingleton<IDbContextFactory<CommerceDbContext>>(_kit.Factory);
        _context.Services.AddSingleton<TimeProvider>(_kit.Time);
        _context.Services.AddSingleton(_kit.Links);
        _context.Services.AddSingleton<CartReminderComposer>();
        _context.Services.AddTransient<SendCartReminder>();
        _context.Services.AddTransient<EmailTemplateEditor>();
        _context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(_kit.Options));
        _context.Services.AddTransient<CommerceDesk.Web.Email.Outbox.OutboxQueries>();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _kit.DisposeAsync();
    }

    [Fact]
    public async Task SendReminderButtonQueuesOnceAndThenSaysItWasAlreadySent()
    {
        var channel = await _kit.AddChannelAsync();
        var cart = await _kit.AddCartAsync(channel.Id);
        var snackbar = _context.Services.GetRequiredService<ISnackbar>();
        var cut = _context.Render<SendReminderButton>(p => p.Add(b => b.CartId, cart.Id));

        cut.Find("[data-testid=send-reminder]").Click();
        cut.WaitForAssertion(() => snackbar.ShownSnackbars.Count().ShouldBe(1));
        cut.Find("[data-testid=send-reminder]").Click();
        cut.WaitForAssertion(() => snackbar.ShownSnackbars.Count().ShouldBe(2));

        snackbar.ShownSnackbars.Select(s => s.Message).ShouldBe(
            ["The reminder is queued and goes out within a minute.", "A reminder was already sent for this cart."]);
        await using var db = _kit.Db();
        (await db.Set<OutboxMessage>().SingleAsync()).DedupeKey.ShouldBe($"cart-reminder:{cart.Id}");
    }

    [Fact]
    public async Task TheGridsMassActionQueuesEligibleCartsAndReportsTheRest()
    {
        var channel = await _kit.AddChannelAsync();
        var first = await _kit.AddCartAsync(channel.Id);
        var snackbar = _context.Services.GetRequiredService<ISnackbar>();
        var done = 0;
        var cut = _context.Render<SendRemindersMassAction>(p => p
            .Add(b => b.SelectedIds, new long[] { first.Id, 999_999 })
            .Add(b => b.OnDone, () => done++));

        cut.Find("[data-testid=mass-send-reminder]").TextContent.ShouldContain("(2)");
        cut.Find("[data-testid=mass-send-reminder]").Click();
        cut.WaitForAssertion(() => done.ShouldBe(1));

        var message = snackbar.ShownSnackbars.Single().Message;
        message.ShouldStartWith("1 reminder(s) queued; 1 skipped: #999999");
        await using var db = _kit.Db();
        (await db.Set<OutboxMessage>().SingleAsync()).DedupeKey.ShouldBe($"cart-reminder:{first.Id}");
    }

    [Fact]
    public void TheMassActionIsDisabledWithoutASelection() =>
        _context.Render<SendRemindersMassAction>(p => p.Add(b => b.SelectedIds, Array.Empty<long>()))
            .Find("[data-testid=mass-send-reminder]").HasAttribute("disabled").ShouldBeTrue();

    [Fact]
    public async Task TheTemplatePageShowsALiquidErrorAndSavesNothing()
    {
        var cut = _context.Render<EmailTemplatesPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=preview-subject]").TextContent.ShouldNotBeEmpty());
        var original = cut.Find("[data-testid=preview-subject]").TextContent;

        // The fields update as the admin types; the live preview reports the broken Liquid before any save.
        cut.FindAll("input")[0].Input("Changed {{ customer.name }}");
        cut.FindAll("textarea")[0].Input("{% for line in cart.items %}<p>unclosed</p>");
        cut.WaitForAssertion(() => cut.Find("[data-testid=template-error]").TextContent.ShouldStartWith("HTML body:"));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=template-message]").TextContent.ShouldContain("Nothing was saved"));
        cut.Find("[data-testid=template-error]").TextContent.ShouldStartWith("HTML body:");
        await using var db = _kit.Db();
        (await db.Set<EmailTemplate>().CountAsync(t => t.Subject.StartsWith("Changed"))).ShouldBe(0);
        original.ShouldNotStartWith("Changed");
    }

    [Fact]
    public async Task TheOutboxPageShowsAFailedMessageItsEmlAndResendsIt()
    {
        await using (var db = _kit.Db())
        {
            var message = new OutboxMessage("test:failed", "ann@example.com", "Your <order>", "<p>Hi</p>", "Hi", _kit.Now);
            db.Add(message);
            await db.SaveChangesAsync();
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.Attempts, 6).SetProperty(m => m.LastError, "550 no such user"));
        }
        var cut = _context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CommerceDesk.Web.Email.Outbox.OutboxPage>(2);
            builder.CloseComponent();
        });
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("550 no such user"));
        cut.Markup.ShouldContain("Your &lt;order&gt;");

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Preview").Click();
        // In a dialog over the list, not appended under it.
        cut.WaitForAssertion(() => cut.Find(".mud-dialog [data-testid=eml-preview]").TextContent.ShouldContain("To: ann@example.com"));
        cut.Find("[data-testid=close-preview]").Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=eml-preview]").ShouldBeEmpty());
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Resend").Click();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("The message is queued again"));
        await using var check = _kit.Db();
        var resent = await check.Set<OutboxMessage>().SingleAsync();
        resent.Status.ShouldBe(OutboxStatus.Pending);
        resent.Attempts.ShouldBe(0);
    }
}
