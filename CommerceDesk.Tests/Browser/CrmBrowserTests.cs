using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Crm.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Browser;

/// <summary>An admin switches cart synchronization on; a storefront cart reaches checkout and shows up synced in the grid.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class CrmBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AnAdminSwitchesCartSyncOnAndACartAtCheckoutShowsSyncedWithALinkToItsOpportunity()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword, "/settings/crm");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CRM");
        var carts = page.Locator("[data-testid=crm-carts]");
        var orders = page.Locator("[data-testid=crm-orders]");
        await Assertions.Expect(carts.Locator("h2")).ToHaveTextAsync("Carts");
        await Assertions.Expect(orders.Locator("h2")).ToHaveTextAsync("Orders");
        var cartSwitch = carts.GetByLabel("Automatic synchronization", new() { Exact = true });
        await Assertions.Expect(cartSwitch).Not.ToBeCheckedAsync();
        await Assertions.Expect(orders.GetByLabel("Automatic synchronization", new() { Exact = true })).ToHaveCountAsync(1);
        await app.AssertAccessibleAsync(page, "crm-settings");

        await carts.GetByText("Automatic synchronization", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(cartSwitch).ToBeCheckedAsync();
        await page.Locator("[data-testid=crm-settings-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=crm-settings-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=crm-audit]")).ToContainTextAsync("Carts: Automatic synchronization");
        await Assertions.Expect(page.Locator("[data-testid=crm-audit]")).ToContainTextAsync("off → on");
        await app.AssertAccessibleAsync(page, "crm-settings-saved");

        // The storefront pushes a cart that reaches the shipping step.
        using var storefront = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        storefront.DefaultRequestHeaders.Add("X-Api-Key", CommerceDeskFactory.ApiKey);
        var cartId = "E2E-CRM-CART";
        var body = Cart(version: 1, step: "shipping");
        body["updatedAt"] = DateTimeOffset.UtcNow.ToString("O");
        (await storefront.PutAsJsonAsync($"/api/v1/channels/web/carts/{cartId}", body)).EnsureSuccessStatusCode();

        await app.Factory.Services.GetRequiredService<CrmSyncJob>().RunAsync(CancellationToken.None);

        long opportunityId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var cart = await db.Carts.SingleAsync(c => c.ExternalId == cartId);
            cart.CrmSync.Status.ShouldBe(CrmSyncStatus.Synced);
            opportunityId = (await db.Opportunities.SingleAsync(o => o.SourceCartId == cart.Id)).Id;
        }

        await page.GotoAsync("/carts");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=carts-search] input, input#carts-search").First.FillAsync(cartId);
        var row = page.Locator("tbody tr.mud-table-row", new() { HasText = cartId });
        await Assertions.Expect(page.Locator("tbody tr.mud-table-row")).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByRole(AriaRole.Img, new() { Name = $"Synced with CRM ({opportunityId})" })).ToBeVisibleAsync();
        var link = row.Locator("[data-testid=crm-id-link]");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/opportunities/{opportunityId}");
        await Assertions.Expect(link).ToHaveAccessibleNameAsync($"Opportunity {opportunityId} in the CRM");
        await app.AssertAccessibleAsync(page, "carts-synced");
        await link.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, "carts-crm-columns.png") });

        await link.ClickAsync();
        await BrowserApp.ExpectPathAsync(page, $"/opportunities/{opportunityId}");
        await Assertions.Expect(page.Locator("[data-testid=opportunity-stage]")).ToHaveTextAsync(CrmSettings.Defaults.AbandonedCartStage!);
        await Assertions.Expect(page.Locator("[data-testid=stage-history]")).ToContainTextAsync("CommerceDesk");
        await app.AssertAccessibleAsync(page, "opportunity");

        // A failing record on the queue page, with its error and a retry.
        await using (var db = app.Factory.CreateDbContext())
        {
            var other = await db.Carts.Where(c => c.ExternalId != cartId && c.Items.Any()).OrderBy(c => c.Id).FirstAsync();
            await CrmSyncQueue.MarkPendingAsync(db, other, DateTime.UtcNow.AddMinutes(5), CancellationToken.None);
            await db.SaveChangesAsync();
        }
        await page.GotoAsync("/crm/queue");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CRM sync queue");
        await Assertions.Expect(page.Locator("[data-testid=crm-queue-row]")).Not.ToHaveCountAsync(0);
        await app.AssertAccessibleAsync(page, "crm-queue");
        await page.Locator("[data-testid=crm-retry-all]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=crm-queue-notice]")).ToContainTextAsync(new Regex("being synced now"));
    }

    [Fact]
    public async Task AManagerFiltersOpportunitiesAndEntersOneByHandForACustomerPickedByTyping()
    {
        string firstName, lastName, email;
        long customerId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var customer = await db.Customers.Where(c => c.FirstName != null && c.LastName != null && c.Email != null && !c.IsGuest).OrderBy(c => c.Id).FirstAsync();
            (firstName, lastName, email, customerId) = (customer.FirstName!, customer.LastName!, customer.Email!, customer.Id);
        }
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/opportunities");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Opportunities");
        await Assertions.Expect(page.Locator("tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page, "opportunities-grid");

        await page.Locator("[data-testid=new-opportunity]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByTestId("opportunity-account")).ToContainTextAsync("Pick its customer");
        await page.Locator("#opportunity-name").FillAsync("Hand-made deal for the trade fair");
        await page.Locator("#opportunity-amount").FillAsync("1250");
        // The picker searches words of the name as the manager types: the last name's start and the first name.
        await page.Locator("#opportunity-customer").PressSequentiallyAsync($"{lastName[..Math.Min(4, lastName.Length)]} {firstName}");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = email }).First.ClickAsync();
        await app.AssertAccessibleAsync(page, "opportunity-new");
        await page.GetByTestId("save-opportunity").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hand-made deal for the trade fair");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Entered by hand");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1,250.00 EUR");
        await Assertions.Expect(page.Locator($"main a[href='/customers/{customerId}']")).ToContainTextAsync($"{firstName} {lastName}");
    }
}
