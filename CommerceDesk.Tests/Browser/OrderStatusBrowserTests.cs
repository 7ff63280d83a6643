using CommerceDesk.Tests.Support;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>A manager moves an order along its lifecycle and an admin looks at the lifecycle's settings, in Chromium against the real app.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class OrderStatusBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AManagerChangesAnOrdersStatusWithANoteAndSeesItInTheHistory()
    {
        long orderId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "e2e-status", "Stella", "Status", "stella@e2e.test");
            orderId = (await shop.OrderAsync(web, "E2E-ST-1", customer, DateTime.UtcNow.AddMinutes(-20))).Id;
        }

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, $"/orders/{orderId}");
        await page.SetViewportSizeAsync(1400, 900);
        await Assertions.Expect(page.Locator("[data-testid=current-status]")).ToHaveTextAsync("Incoming");
        await page.ClickAsync("[data-testid=change-status]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("input[type=radio]")).ToHaveCountAsync(2);
        await Assertions.Expect(dialog).ToContainTextAsync("In process");
        await Assertions.Expect(dialog).ToContainTextAsync("Cancelled");
        await dialog.GetByText("In process").ClickAsync();
        await dialog.Locator("textarea").FillAsync("Stock checked with the warehouse");
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        await app.AssertAccessibleAsync(page, "order-change-status-dialog");

        await dialog.Locator("[data-testid=submit-status]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=current-status]")).ToHaveTextAsync("In process");
        var history = page.Locator("[data-testid=status-history]");
        await Assertions.Expect(history).ToContainTextAsync("Incoming → In process");
        await Assertions.Expect(history).ToContainTextAsync("Stock checked with the warehouse");
        await app.AssertAccessibleAsync(page, "order-status-history");
    }

    [Fact]
    public async Task AnAdminSeesTheLifecycleAndWhyABuiltInStatusCannotBeDeleted()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword, "/settings/order-statuses");
        await page.SetViewportSizeAsync(1400, 900);
        await Assertions.Expect(page.Locator("[data-testid=status-list] tbody tr")).ToHaveCountAsync(10);

        await page.Locator("[data-testid='status-row-Refund requested'] a").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=why-not-deletable]")).ToContainTextAsync("built-in status");
        await Assertions.Expect(page.Locator("[data-testid=delete-status]")).ToBeDisabledAsync();
        await app.AssertAccessibleAsync(page, "order-statuses-settings");
    }
}
