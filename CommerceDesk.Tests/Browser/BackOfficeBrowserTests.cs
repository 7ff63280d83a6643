using System.Net.Http.Json;
using CommerceDesk.Tests.Support;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>End to end in Debian's Chromium against the real app: sign in, grids, record pages, the live badge, axe-core.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class BackOfficeBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AManagerSignsInFiltersTheOrdersAndOpensOne()
    {
        long orderId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "e2e-filter", "Greta", "Lindqvist", "greta@e2e.test");
            orderId = (await shop.OrderAsync(web, "E2E-4711", customer, DateTime.UtcNow.AddMinutes(-5), unitPrice: 42m, quantity: 3)).Id;
        }

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/orders");
        await page.Locator("h1", new() { HasText = "Orders" }).WaitForAsync();

        await page.FillAsync("#orders-search", "E2E-47");
        var rows = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Greta Lindqvist");

        // The row itself, right after the filter's reload (not its number link): the row hands the click to its
        // link in the browser, so it needs no answer from the busy server.
        await rows.First.ClickAsync();
        await BrowserApp.ExpectPathAsync(page, $"/orders/{orderId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Order E2E-4711");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("126.00 EUR");
        await app.AssertAccessibleAsync(page, "order");

        // Back on the grid the session's filter is still there.
        await page.ClickAsync("nav >> text=Orders");
        await Assertions.Expect(page.Locator("#orders-search")).ToHaveValueAsync("E2E-47");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Greta Lindqvist");
        await app.AssertAccessibleAsync(page, "orders-filtered");
    }

    [Fact]
    public async Task ANewOrderArrivesInTheBadgeWithoutAReload()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/customers");
        var badge = page.Locator("[data-testid=new-orders-badge]");
        await Assertions.Expect(badge).Not.ToHaveAttributeAsync("data-count", "0");
        var before = int.Parse((await badge.GetAttributeAsync("data-count"))!);

        await PlaceOrderAsync("E2E-LIVE-1");

        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", (before + 1).ToString());
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("New order E2E-LIVE-1");
        // Check contrast on the settled snackbar, not on a frame of its fade-in.
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-snackbar').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        await app.AssertAccessibleAsync(page, "customers-with-new-order");

        await badge.ClickAsync();
        await BrowserApp.ExpectPathAsync(page, "/orders?status=Incoming");
        var rows = page.Locator("tbody tr.mud-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(Math.Min(before + 1, 25));
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex($" of {before + 1}$"))).ToBeVisibleAsync();
        await page.FillAsync("#orders-search", "E2E-LIVE");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Incoming");
        await app.AssertAccessibleAsync(page, "new-orders");
    }

    [Fact]
    public async Task TheSignInAccessDeniedAndNotFoundPagesPassAxe()
    {
        var admin = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword);
        await admin.GotoAsync("/orders/999999");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Order not found");
        await app.AssertAccessibleAsync(admin, "order-not-found");

        await admin.GotoAsync("/no-such-page");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Page not found");
        await app.AssertAccessibleAsync(admin, "page-not-found");

        var manager = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);
        var denied = await manager.GotoAsync("/settings");
        denied!.Status.ShouldBe(403);
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Access denied");
        await app.AssertAccessibleAsync(manager, "access-denied");

        var anonymous = await app.AnonymousPageAsync();
        await anonymous.GotoAsync("/account/login");
        await app.AssertAccessibleAsync(anonymous, "sign-in");
        await anonymous.FillAsync("#login-email", BackOfficeSignIn.ManagerEmail);
        await anonymous.FillAsync("#login-password", "wrong password");
        await anonymous.ClickAsync("button[type=submit]");
        await Assertions.Expect(anonymous.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(anonymous, "sign-in-failed");
    }

    [Fact]
    public async Task AnAdminCreatesAChannelIssuesAKeyForItsStorefrontAndRevokesIt()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword, "/settings/channels");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Channels");

        await page.ClickAsync("[data-testid=new-channel]");
        await page.FillAsync("#new-channel-code", "E2E Shop");
        await page.ClickAsync("[data-testid=create-channel]");
        var form = page.Locator("[data-testid=new-channel-form]");
        await Assertions.Expect(form).ToContainTextAsync("Use only lowercase letters, digits and dashes");
        await Assertions.Expect(form).ToContainTextAsync("Enter the storefront's name.");
        await app.AssertAccessibleAsync(page, "channels-new-channel-errors");

        await page.FillAsync("#new-channel-code", "e2e-shop");
        await page.FillAsync("#new-channel-name", "E2E shop");
        await page.ClickAsync("[data-testid=create-channel]");
        var channel = page.Locator("[data-testid=channel-e2e-shop]");
        await Assertions.Expect(channel).ToContainTextAsync("No key yet");

        await page.FillAsync("#key-label-e2e-shop", "Storefront production");
        await channel.Locator("[data-testid=issue-key]").ClickAsync();
        var plainKey = (await channel.Locator("[data-testid=plain-key]").TextContentAsync())!.Trim();
        await app.AssertAccessibleAsync(page, "channels-key-issued");
        (await PutCustomerAsync("e2e-shop", plainKey)).ShouldBe(System.Net.HttpStatusCode.Created);

        await channel.Locator("[data-testid=dismiss-key]").ClickAsync();
        await Assertions.Expect(channel.Locator("[data-testid=plain-key]")).ToHaveCountAsync(0);
        await channel.Locator("[data-testid=revoke-key]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("refused from now on");
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        await app.AssertAccessibleAsync(page, "channels-revoke-confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Assertions.Expect(channel.Locator("[data-testid=key-status]")).ToContainTextAsync("Revoked");
        (await PutCustomerAsync("e2e-shop", plainKey)).ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(plainKey);
    }

    [Fact]
    public async Task TheUserMenuSignsOut()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "Account menu for manager@commercedesk.local" }).ClickAsync();
        await app.AssertAccessibleAsync(page, "user-menu");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();

        await BrowserApp.ExpectPathAsync(page, "/account/login");
        await page.GotoAsync("/orders");
        await BrowserApp.ExpectPathAsync(page, "/account/login?ReturnUrl=%2Forders");
    }

    private async Task<System.Net.HttpStatusCode> PutCustomerAsync(string channel, string apiKey)
    {
        using var storefront = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        storefront.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var externalId = $"e2e-{Guid.NewGuid():N}"[..16];
        var response = await storefront.PutAsJsonAsync($"/api/v1/channels/{channel}/customers/{externalId}", new
        {
            email = "ada@e2e.test", firstName = "Ada", lastName = "Lovelace", isGuest = false, updatedAt = DateTimeOffset.UtcNow,
        });
        return response.StatusCode;
    }

    /// <summary>The storefront places an order through the real API over the app's real port (DESIGN §9).</summary>
    private async Task PlaceOrderAsync(string number)
    {
        using var storefront = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        storefront.DefaultRequestHeaders.Add("X-Api-Key", CommerceDeskFactory.ApiKey);
        var now = DateTimeOffset.UtcNow;
        var response = await storefront.PutAsJsonAsync($"/api/v1/channels/web/orders/{number}", new
        {
            number,
            email = "live@e2e.test",
            currency = "EUR",
            lines = new[] { new { sku = "LAMP-1", name = "Desk lamp", quantity = 1, unitPrice = 39.90m } },
            paymentMethod = new { code = "card", kind = "online" },
            paymentStatus = "pending",
            placedAt = now,
            updatedAt = now,
        });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
