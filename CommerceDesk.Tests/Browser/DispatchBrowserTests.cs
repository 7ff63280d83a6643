using CommerceDesk.Tests.Support;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>Mass actions, the badge, sales teams and status webhooks as a manager and an admin use them, in Chromium against the real app.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class DispatchBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AManagerMovesTwoPickedOrdersToInProcessAndTheBadgeDropsByTwo()
    {
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.OrderAsync(web, "E2E-DISP-1", null, DateTime.UtcNow.AddMinutes(-5), email: "disp1@e2e.test");
            await shop.OrderAsync(web, "E2E-DISP-2", null, DateTime.UtcNow.AddMinutes(-4), email: "disp2@e2e.test");
        }
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/orders");
        await page.SetViewportSizeAsync(1600, 1000);
        var badge = page.Locator("[data-testid=new-orders-badge]");
        await Assertions.Expect(badge).Not.ToHaveAttributeAsync("data-count", "0");
        var before = int.Parse((await badge.GetAttributeAsync("data-count"))!);
        await app.AssertAccessibleAsync(page, "orders-grid-with-counters");

        // "E2E-DISP" would search by its digits alone ("E2E"), which every test order of this app shares.
        await page.FillAsync("#orders-search", "DISP");
        var rows = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.GetByTestId("orders-selected")).ToHaveTextAsync("2 picked");
        await page.GetByTestId("mass-change-status").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("input[type=radio]")).ToHaveCountAsync(2);
        await dialog.GetByText("In process").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        await app.AssertAccessibleAsync(page, "orders-mass-change-status-dialog");
        await dialog.GetByTestId("submit-mass-status").ClickAsync();

        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", (before - 2).ToString());
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Moved 2 orders");
        await Assertions.Expect(rows.Locator("[data-testid=order-status-chip]")).ToHaveTextAsync(["In process", "In process"]);
        await Assertions.Expect(page.GetByTestId("orders-selected")).ToHaveTextAsync("No rows picked");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(s => s.getAnimations({ subtree: true }).every(a => a.playState === 'finished'))");
        await app.AssertAccessibleAsync(page, "orders-after-mass-change");

        // "My orders": only the signed-in manager's; the team assigned the demo orders and these two in turn.
        await page.GetByText("Clear filters").ClickAsync();
        await page.GetByTestId("my-orders").ClickAsync();
        await Assertions.Expect(page.GetByTestId("my-orders")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        (await rows.Locator("[data-testid=assignee-cell]").AllInnerTextsAsync()).ShouldAllBe(name => name == "Max Manager");
        await app.AssertAccessibleAsync(page, "orders-my-orders");

        // The badge's menu lists the newest new orders; one of them is assigned to someone else from its page.
        await page.Locator("[data-testid=new-orders-menu] button").ClickAsync();
        var newest = page.Locator("[data-testid=new-order-item]");
        await Assertions.Expect(newest.First).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page, "new-orders-menu");
        await newest.First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-assignee")).ToBeVisibleAsync();
        var other = await page.GetByTestId("assignee-name").InnerTextAsync() == "Ada Admin" ? "Max Manager" : "Ada Admin";
        await page.GetByTestId("assign-order").ClickAsync();
        await page.Locator(".mud-dialog .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = other }).ClickAsync();
        await page.GetByTestId("submit-assign").ClickAsync();
        await Assertions.Expect(page.GetByTestId("assignee-name")).ToHaveTextAsync(other);
        await app.AssertAccessibleAsync(page, "order-page-assignee");

        await page.GotoAsync("/");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("order-status-counters")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page, "dashboard-orders-by-status");
    }

    [Fact]
    public async Task AnAdminCreatesASalesTeamAndSeesTheChannelAndWebhookSettings()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword, "/settings/teams");
        await page.SetViewportSizeAsync(1400, 900);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sales teams");
        await app.AssertAccessibleAsync(page, "sales-teams");

        await page.FillAsync("#new-team-name", "Phone orders");
        await page.Locator("#new-team-members").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Max Manager" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("create-team").ClickAsync();

        await Assertions.Expect(page.GetByTestId("team-notice")).ToContainTextAsync("Team Phone orders created.");
        await Assertions.Expect(page.Locator("h2", new() { HasText = "Phone orders" })).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page, "sales-teams-created");

        await page.GotoAsync("/settings/channels");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("save-assignment").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("save-webhook").First).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page, "channels-with-assignment-and-webhook");

        // The secret is typed once; afterwards the page only says that one is set.
        var webhook = page.Locator("[data-testid^=channel-webhook-]").First;
        await webhook.Locator("input[id$='-webhook-url']").FillAsync("https://shop.example.com/hooks/order-status");
        await webhook.Locator("input[id$='-webhook-secret']").FillAsync("a-long-shared-secret-0123456789");
        await webhook.GetByTestId("save-webhook").ClickAsync();
        await Assertions.Expect(webhook.GetByRole(AriaRole.Status)).ToContainTextAsync("will not be shown again");
        await Assertions.Expect(webhook.Locator("input[id$='-webhook-secret']")).ToHaveValueAsync("");
        await Assertions.Expect(webhook).ToContainTextAsync("A secret is set");
        (await page.ContentAsync()).ShouldNotContain("a-long-shared-secret-0123456789");

        long orderId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            orderId = (await shop.OrderAsync(await shop.ChannelAsync(), "E2E-HOOK-1", null, DateTime.UtcNow.AddMinutes(-3), email: "hook@e2e.test")).Id;
        }
        await page.GotoAsync($"/orders/{orderId}");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.GetByTestId("change-status").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByText("In process").ClickAsync();
        await dialog.GetByTestId("submit-status").ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-status")).ToHaveTextAsync("In process");

        await page.GotoAsync("/webhooks");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Webhook deliveries");
        var row = page.Locator("[data-testid=webhook-deliveries] tbody tr").Filter(new() { HasText = "E2E-HOOK-1" });
        await Assertions.Expect(row).ToContainTextAsync("Status changed");
        await app.AssertAccessibleAsync(page, "webhook-deliveries");
        await row.GetByText("Payload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-payload")).ToContainTextAsync("\"number\": \"E2E-HOOK-1\"");
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        await app.AssertAccessibleAsync(page, "webhook-payload");
    }
}
