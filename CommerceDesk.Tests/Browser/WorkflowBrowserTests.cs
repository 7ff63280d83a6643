using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>A manager works a cart and an order through their workflows in Debian's Chromium against the real app.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class WorkflowBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AManagerWorksAnAbandonedCartAndFollowsUpAnOrder()
    {
        long cartId, orderId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "e2e-workflow", "Wanda", "Flow", "wanda@e2e.test");
            cartId = (await shop.CartAsync(web, "E2E-WF-CART", customer, DateTime.UtcNow.AddHours(-3), abandoned: true)).Id;
            orderId = (await shop.OrderAsync(web, "E2E-WF-1", customer, DateTime.UtcNow.AddMinutes(-30))).Id;
        }

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, $"/carts/{cartId}");
        // A laptop screen: the manager on a call sees the buttons and the log without scrolling.
        await page.SetViewportSizeAsync(1400, 900);
        var step = page.Locator("[data-testid=workflow-step]");
        var log = page.Locator("[data-testid=activity-log]");
        await Assertions.Expect(step).ToHaveTextAsync("Open");
        await Assertions.Expect(page.Locator("button[data-transition=abandon]")).ToBeDisabledAsync();

        // Log a call: phone and subject come prefilled.
        await FireAsync(page, "log_call", async dialog =>
            await Assertions.Expect(dialog.Locator("input[data-field=subject]")).ToHaveValueAsync("Shopping cart status refresh"));
        await Assertions.Expect(step).ToHaveTextAsync("Contacted");
        await Assertions.Expect(log).ToContainTextAsync("Outbound call: Shopping cart status refresh");
        await ExpectCallScreenAsync(page, "abandon", "cart-at-1400x900");
        await app.AssertAccessibleAsync(page, "cart-workflow");

        // Abandon asks for confirmation and notes; the cart becomes Lost.
        await FireAsync(page, "abandon", async dialog =>
        {
            await dialog.GetByText("I want to abandon this cart").ClickAsync();
            await dialog.Locator("textarea[data-field=note]").FillAsync("Bought elsewhere");
        });
        await Assertions.Expect(step).ToHaveTextAsync("Abandoned");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Lost");
        await Assertions.Expect(log).ToContainTextAsync("Abandon: Bought elsewhere");

        await FireAsync(page, "reopen");
        await Assertions.Expect(step).ToHaveTextAsync("Open");

        // The order: e-mail → call → no reply → call → feedback.
        await page.GotoAsync($"/orders/{orderId}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(step).ToHaveTextAsync("Not contacted");
        await FireAsync(page, "send_email", async dialog =>
            await Assertions.Expect(dialog.Locator("input[data-field=to]")).ToHaveValueAsync("wanda@e2e.test"));
        await Assertions.Expect(step).ToHaveTextAsync("Emailed");
        await FireAsync(page, "log_call");
        await Assertions.Expect(step).ToHaveTextAsync("Called");
        await FireAsync(page, "no_reply", dialog => dialog.Locator("textarea[data-field=note]").FillAsync("answering machine"));
        await Assertions.Expect(step).ToHaveTextAsync("Not contacted");
        await Assertions.Expect(page.Locator("button[data-transition=send_email]")).ToBeDisabledAsync();
        await FireAsync(page, "log_call");
        await Assertions.Expect(step).ToHaveTextAsync("Called");
        await FireAsync(page, "record_feedback", async dialog =>
        {
            await dialog.Locator(".mud-rating-item").Nth(3).ClickAsync();
            await dialog.Locator("textarea[data-field=comments]").FillAsync("Quick delivery");
        });
        await Assertions.Expect(step).ToHaveTextAsync("Contacted");
        await Assertions.Expect(page.Locator("button[data-transition]")).ToHaveCountAsync(0);
        await Assertions.Expect(log).ToContainTextAsync("No reply: answering machine");
        await Assertions.Expect(page.Locator("[data-testid=order-feedback]")).ToContainTextAsync("Rating 4 of 5");
        await Assertions.Expect(page.Locator("[data-testid=order-feedback]")).ToContainTextAsync("Quick delivery");
        await Assertions.Expect(log).ToContainTextAsync("Rating 4 of 5 · Quick delivery");
        await ExpectCallScreenAsync(page, null, "order-at-1400x900");
        await app.AssertAccessibleAsync(page, "order-workflow");

        // The diagram of this order's workflow, read-only, its current step filled, within the dialog's width.
        await page.ClickAsync("[data-testid=open-workflow-diagram]");
        var diagram = page.Locator(".mud-dialog [data-testid=workflow-svg]");
        await Assertions.Expect(diagram.Locator("g[data-current=true]")).ToHaveAttributeAsync("data-step-label", "Contacted");
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        var svgBox = (await diagram.BoundingBoxAsync())!;
        var dialogBox = (await page.Locator(".mud-dialog").BoundingBoxAsync())!;
        (svgBox.X + svgBox.Width).ShouldBeLessThanOrEqualTo(dialogBox.X + dialogBox.Width);
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, "order-workflow-diagram.png") });
        await app.AssertAccessibleAsync(page, "order-workflow-diagram");
    }

    /// <summary>The workflow buttons (or the finished note) and the activity log are on screen without scrolling.</summary>
    private async Task ExpectCallScreenAsync(IPage page, string? transition, string screenshot)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Assertions.Expect(page.Locator("[data-testid=record-workflow]")).ToBeInViewportAsync();
        if (transition is not null) await Assertions.Expect(page.Locator($"button[data-transition={transition}]")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("[data-testid=open-workflow-diagram]")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("[data-testid=activity-log]")).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, $"{screenshot}.png") });
    }

    [Fact]
    public async Task AManagerAbandonsTheSelectedCartsFromTheGridAndSeesWhichWereSkipped()
    {
        long contactedId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "e2e-mass", "Max", "Masse", "max@e2e.test");
            contactedId = (await shop.CartAsync(web, "E2E-MASS-1", customer, DateTime.UtcNow.AddHours(-5))).Id;
            await shop.CartAsync(web, "E2E-MASS-2", customer, DateTime.UtcNow.AddHours(-4));
        }
        var fire = app.Factory.Services.GetRequiredService<FireTransition>();
        (await fire.RunAsync(WorkflowTarget.Cart(contactedId), "log_call", new Dictionary<string, string?>
        {
            ["phone"] = "+49 30 1234", ["subject"] = "Status", ["calledAt"] = "2026-11-22T10:00", ["direction"] = "Outbound", ["outcome"] = "Answered",
        }, new("e2e", "E2E"), expectedVersion: null)).Succeeded.ShouldBeTrue();

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/carts");
        await page.FillAsync("#carts-search", "E2E-MASS");
        var rows = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "E2E-MASS-1" })).ToContainTextAsync("Contacted");
        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        page.Url.ShouldEndWith("/carts");

        await page.Locator("[data-testid=workflow-mass-actions] button").First.ClickAsync();
        await page.Locator("[data-mass-transition=abandon]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByText("I want to abandon this cart").ClickAsync();
        await dialog.Locator("textarea[data-field=note]").FillAsync("Season is over");
        await dialog.Locator("[data-testid=submit]").ClickAsync();

        await Assertions.Expect(dialog.Locator("[data-testid=mass-report]")).ToContainTextAsync("1 cart updated, 1 skipped");
        await Assertions.Expect(dialog.Locator("[data-testid=skipped]")).ToContainTextAsync("cannot be abandoned without at least one contact");
        await dialog.Locator("[data-testid=close]").ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "E2E-MASS-1" })).ToContainTextAsync("Abandoned");
        await Assertions.Expect(rows.Filter(new() { HasText = "E2E-MASS-2" })).ToContainTextAsync("Open");
    }

    /// <summary>Clicks a workflow button, lets <paramref name="fill"/> complete the dialog, submits and waits for the dialog to close.</summary>
    private static async Task FireAsync(IPage page, string transition, Func<ILocator, Task>? fill = null)
    {
        await page.ClickAsync($"button[data-transition={transition}]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=submit]").WaitForAsync();
        if (fill is not null) await fill(dialog);
        await dialog.Locator("[data-testid=submit]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }
}
