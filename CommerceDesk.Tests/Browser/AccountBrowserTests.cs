using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Relating;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>A manager goes from a customer to its account and finds its commerce records and activity there.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class AccountBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AManagerOpensTheAccountFromACustomerAndSeesItsOrdersCartsOpportunitiesAndActivity()
    {
        // The demo shop's customers get their accounts from the start-up pass of the relation job; finish it here.
        await app.Factory.Services.GetRequiredService<AccountRelationJob>().RunAsync(CancellationToken.None);
        var manager = new Actor("demo-manager", "Maria Manager");
        long customerId, accountId;
        string orderNumber, cartId, opportunityName;
        await using (var db = app.Factory.CreateDbContext())
        {
            var customer = await db.Customers
                .Where(c => c.AccountId != null && db.Orders.Any(o => o.CustomerId == c.Id && o.CommercialState == CommercialState.SalesOrder) && db.Carts.Count(k => k.CustomerId == c.Id && k.OrderId == null && !db.Opportunities.Any(o => o.SourceCartId == k.Id)) > 0)
                .OrderBy(c => c.Id).FirstAsync();
            var order = await db.Orders.Where(o => o.CustomerId == customer.Id && o.CommercialState == CommercialState.SalesOrder).OrderByDescending(o => o.PlacedAt).FirstAsync();
            var cart = await db.Carts.Where(k => k.CustomerId == customer.Id && k.OrderId == null && !db.Opportunities.Any(o => o.SourceCartId == k.Id)).FirstAsync();
            var opportunity = Opportunity.FromCart(cart, customer, manager, DateTime.UtcNow);
            db.Opportunities.Add(opportunity);
            db.Activities.Add(new NoteActivity(ActivityTarget.Of(order), "Asked for a delivery before Friday.", manager, DateTime.UtcNow));
            await db.SaveChangesAsync();
            (customerId, accountId, orderNumber, cartId, opportunityName) = (customer.Id, customer.AccountId!.Value, order.Number, cart.ExternalId, opportunity.Name);
        }

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, $"/customers/{customerId}");
        await page.GetByTestId("customer-account").ClickAsync();

        await BrowserApp.ExpectPathAsync(page, $"/accounts/{accountId}");
        await Assertions.Expect(page.GetByTestId("account-orders")).ToContainTextAsync(orderNumber);
        await Assertions.Expect(page.GetByTestId("account-carts")).ToContainTextAsync(cartId);
        await Assertions.Expect(page.GetByTestId("account-opportunities")).ToContainTextAsync(opportunityName);
        await Assertions.Expect(page.GetByTestId("account-activity")).ToContainTextAsync("Asked for a delivery before Friday.");
        await Assertions.Expect(page.GetByTestId("account-customers")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-table-loading-progress")).ToHaveCountAsync(0);
        await app.AssertAccessibleAsync(page, "account");

        // Filtering the activity by kind: without notes the note is gone.
        await page.GetByTestId("activity-kinds").GetByText("Notes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-activity")).Not.ToContainTextAsync("Asked for a delivery before Friday.");

        // A new opportunity from the account page, with the account and its customer filled in, lands in its pipeline.
        await page.GetByTestId("new-opportunity").ClickAsync();
        await page.FillAsync("#opportunity-name", "Spring range for the shop");
        await page.FillAsync("#opportunity-amount", "1200");
        await page.GetByTestId("save-opportunity").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-opportunities")).ToContainTextAsync("Spring range for the shop");

        await page.GotoAsync("/forecast");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("forecast-table")).ToContainTextAsync("Prospecting (10 %)");
        await page.Locator("[data-testid^='cell-'][data-testid$='-Prospecting'] a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("forecast-cell")).ToContainTextAsync("Spring range for the shop");
        await app.AssertAccessibleAsync(page, "forecast");
    }

    [Fact]
    public async Task TheAccountSettingsAndExchangeRatesPagesAreAccessibleToAdmins()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword, "/settings/accounts");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accounts");
        await Assertions.Expect(page.GetByTestId("relation-progress")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page, "settings-accounts");

        await page.GotoAsync("/settings/exchange-rates");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exchange rates");
        await app.AssertAccessibleAsync(page, "settings-exchange-rates");
    }
}
