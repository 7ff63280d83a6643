using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>
/// A click anywhere on a grid row opens its record, in Debian's Chromium against the real app: right after a
/// filter, when the grid re-renders the row under the pointer, with ctrl or the middle button (a new tab), and
/// never from the selection checkbox.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class GridRowClickBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("RD-731029", "Rita", "Redraw", "customer")]
    [InlineData("RD-731030", "Nora", "Number", "number")]
    public async Task ARowPressedWhileTheGridRedrawsItStillOpensTheOrderOnRelease(string number, string firstName, string lastName, string pressedOn)
    {
        var orderId = await OrderAsync(number, firstName, lastName);
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/orders");
        await page.FillAsync("#orders-search", number[..^1]);
        // The search has run once the grid shows this order alone (the unfiltered first page has it too).
        var row = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(number);
        await Assertions.Expect(row).ToContainTextAsync("Incoming");
        await PointerTrace.StartAsync(page);

        // Press on the row (its customer cell, or its order number link), then let a reload bring the same order
        // back changed: the grid replaces its <tr> while the button is down, which is what a filter reload landing
        // mid-click does. No click event reaches any row after that; the release has to open the order.
        var pressed = pressedOn == "number" ? row.Locator("a[data-row-link]") : row.Locator("td").Filter(new() { HasText = $"{firstName} {lastName}" });
        var box = (await pressed.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        var pressedRow = await row.ElementHandleAsync();
        await using (var db = app.Factory.CreateDbContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == orderId);
            order.Cancel();
            await db.SaveChangesAsync();
        }
        await page.FillAsync("#orders-search", number);
        await Assertions.Expect(row).ToContainTextAsync("Cancelled");
        (await pressedRow.EvaluateAsync<bool>("tr => tr.isConnected")).ShouldBeFalse("the grid should have replaced the pressed row");
        await page.Mouse.UpAsync();

        await PointerTrace.ExpectPathAsync(page, $"/orders/{orderId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Order {number}");
    }

    [Fact]
    public async Task ACtrlOrMiddleClickOnARowOpensTheOrderInANewTabAndLeavesTheGrid()
    {
        var orderId = await OrderAsync("RC-TAB-1", "Tara", "Tab");
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/orders");
        await page.FillAsync("#orders-search", "RC-TAB");
        var row = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var customerCell = row.Locator("td").Filter(new() { HasText = "Tara Tab" });

        foreach (var click in new LocatorClickOptions[] { new() { Modifiers = [KeyboardModifier.Control] }, new() { Button = MouseButton.Middle } })
        {
            var tab = await page.Context.RunAndWaitForPageAsync(() => customerCell.ClickAsync(click));
            await BrowserApp.ExpectPathAsync(tab, $"/orders/{orderId}");
            await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Order RC-TAB-1");
            await tab.CloseAsync();
        }
        page.Url.ShouldEndWith("/orders");
    }

    [Fact]
    public async Task TheSelectionCheckboxSelectsTheRowWithoutOpeningIt()
    {
        await OrderAsync("RC-CHECK-1", "Cora", "Check");
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/orders");
        await page.FillAsync("#orders-search", "RC-CHECK");
        var row = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);

        // The checkbox, and the padding of its cell around it (a near miss must not leave the grid).
        var checkbox = row.Locator("input[type=checkbox]");
        await checkbox.CheckAsync();
        await row.Locator("td").First.ClickAsync(new() { Position = new() { X = 2, Y = 2 } });
        await Assertions.Expect(page.Locator("[data-testid=workflow-mass-actions] button").First).ToBeEnabledAsync();

        await Assertions.Expect(checkbox).ToBeCheckedAsync();
        page.Url.ShouldEndWith("/orders");
    }

    private async Task<long> OrderAsync(string number, string firstName, string lastName)
    {
        await using var db = app.Factory.CreateDbContext();
        var shop = new ShopData(db);
        var web = await shop.ChannelAsync();
        var customer = await shop.CustomerAsync(web, "rc-" + number.ToLowerInvariant(), firstName, lastName, $"{firstName.ToLowerInvariant()}@e2e.test");
        return (await shop.OrderAsync(web, number, customer, DateTime.UtcNow.AddMinutes(-5))).Id;
    }
}
