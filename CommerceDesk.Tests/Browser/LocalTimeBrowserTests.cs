using CommerceDesk.Domain.Activities;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>A manager whose browser runs in New York reads and types times in New York time; the database keeps UTC.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class LocalTimeBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string NewYork = "America/New_York";

    [Fact]
    public async Task AManagerInNewYorkSeesAnOrdersTimeInNewYorkTimeAndLogsACallInIt()
    {
        // 15:04 UTC on 20 November is 10:04 in New York (EST, UTC−5).
        var placedAt = new DateTime(2026, 11, 20, 15, 4, 0, DateTimeKind.Utc);
        long orderId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "e2e-tz", "Nora", "York", "nora@e2e.test");
            orderId = (await shop.OrderAsync(web, "E2E-TZ-1", customer, placedAt)).Id;
        }

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/orders", NewYork);
        await Assertions.Expect(page.Locator("[data-testid=display-time-zone]")).ToContainTextAsync(NewYork);
        await page.FillAsync("#orders-search", "E2E-TZ");
        var rows = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var placed = rows.First.Locator("time");
        await Assertions.Expect(placed).ToHaveTextAsync("2026-11-20 10:04");
        await Assertions.Expect(placed).ToHaveAttributeAsync("datetime", "2026-11-20T15:04:00Z");
        await Assertions.Expect(placed).ToHaveAttributeAsync("title", "2026-11-20 15:04 UTC");

        // The record page too; the server prerenders it in New York time from the zone cookie the browser set.
        var prerendered = await (await page.Context.APIRequest.GetAsync($"/orders/{orderId}")).TextAsync();
        prerendered.ShouldContain("2026-11-20 10:04</time>");
        await page.GotoAsync($"/orders/{orderId}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("main dd time").First).ToHaveTextAsync("2026-11-20 10:04");

        // The call's date is typed in New York time, labelled so, and stored in UTC.
        await page.ClickAsync("button[data-transition=log_call]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByText($"Date ({NewYork})")).ToBeVisibleAsync();
        await dialog.Locator("input[data-field=calledAt]").FillAsync("2026-11-20T09:30");
        await dialog.Locator("[data-testid=submit]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=activity-log] [data-kind=Call]")).ToContainTextAsync("2026-11-20 09:30");
        await app.AssertAccessibleAsync(page, "order-in-new-york");

        await using (var db = app.Factory.CreateDbContext())
        {
            var call = await db.Activities.OfType<CallActivity>().SingleAsync(c => c.OrderId == orderId);
            call.CalledAt.ShouldBe(new DateTime(2026, 11, 20, 14, 30, 0));
        }
    }
}
