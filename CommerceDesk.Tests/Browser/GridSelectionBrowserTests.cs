using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Grids;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>
/// A grid's mass actions reach only the rows the manager sees picked, in Debian's Chromium against the real app:
/// clearing the filters, another search or another page drops the picks, and the mass actions wait for new ones.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class GridSelectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task PickedCartsAreForgottenWhenTheFiltersSearchOrPageChange()
    {
        await using (var db = app.Factory.CreateDbContext())
        {
            // Newer than every demo cart, so the unfiltered first page shows them on top.
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "sel-pick", "Pia", "Pick", "pia@e2e.test");
            await shop.CartAsync(web, "SEL-PICK-1", customer, DateTime.UtcNow.AddSeconds(-30));
            await shop.CartAsync(web, "SEL-PICK-2", customer, DateTime.UtcNow.AddSeconds(-20), abandoned: true);
            await shop.CartAsync(web, "SEL-PICK-3", customer, DateTime.UtcNow.AddSeconds(-10), abandoned: true);
        }
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/carts");
        var rows = page.Locator("tbody tr.mud-table-row");
        var sendReminder = page.Locator("[data-testid=mass-send-reminder]");
        var workflow = page.Locator("[data-testid=workflow-mass-actions] button").First;
        var ours = rows.Filter(new() { HasText = "SEL-PICK-" });

        // Search, then narrow to the abandoned ones with the status filter.
        await page.FillAsync("#carts-search", "SEL-PICK");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.Locator(".mud-input-control.mud-select").Filter(new() { Has = page.Locator("#carts-status") }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Abandoned", Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "SEL-PICK-1" })).ToHaveCountAsync(0);
        await ExpectNothingPickedAsync(rows, sendReminder, workflow);

        // Picked rows and no change to what is in sight: the mass actions are there for exactly those rows.
        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(sendReminder).ToBeEnabledAsync();
        await Assertions.Expect(sendReminder).ToHaveTextAsync("Send reminder (2)");
        await Assertions.Expect(workflow).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("carts-selected")).ToHaveTextAsync("2 picked");
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, "carts-two-picked.png") });

        // Clear filters: the same carts are still on top of the first page, but no longer picked.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#carts-search")).ToHaveValueAsync("");
        await Assertions.Expect(rows).ToHaveCountAsync(GridPaging.DefaultPageSize);
        await Assertions.Expect(ours).ToHaveCountAsync(3);
        await ExpectNothingPickedAsync(rows, sendReminder, workflow);

        // Another search.
        await ours.Filter(new() { HasText = "SEL-PICK-1" }).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(sendReminder).ToHaveTextAsync("Send reminder (1)");
        await page.FillAsync("#carts-search", "SEL-PICK");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await ExpectNothingPickedAsync(rows, sendReminder, workflow);

        // Another page, and back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(GridPaging.DefaultPageSize);
        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(sendReminder).ToHaveTextAsync("Send reminder (1)");
        await page.Locator("button[aria-label='Next page']").ClickAsync();
        await Assertions.Expect(ours).ToHaveCountAsync(0);
        await ExpectNothingPickedAsync(rows, sendReminder, workflow);
        await page.Locator("button[aria-label='Previous page']").ClickAsync();
        await Assertions.Expect(ours).ToHaveCountAsync(3);
        await ExpectNothingPickedAsync(rows, sendReminder, workflow);
        page.Url.ShouldEndWith("/carts");
    }

    private static async Task ExpectNothingPickedAsync(ILocator rows, ILocator sendReminder, ILocator workflow)
    {
        await Assertions.Expect(rows.Locator("input[type=checkbox]:checked")).ToHaveCountAsync(0);
        await Assertions.Expect(sendReminder).ToBeDisabledAsync();
        await Assertions.Expect(sendReminder).ToHaveTextAsync("Send reminder");
        await Assertions.Expect(workflow).ToBeDisabledAsync();
        await Assertions.Expect(rows.Page.GetByTestId("carts-selected")).ToHaveTextAsync("No rows picked");
    }
}
