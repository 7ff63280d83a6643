using System.Text.RegularExpressions;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Relating;
using CommerceDesk.Web.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>
/// Every back-office page in one signed-in browser (the navigation, every settings card, every kind of record page):
/// one h1, a title ending in "· CommerceDesk", no serious or critical axe-core violation, nothing that speaks of
/// features to come; each captured on screen.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class EveryPageBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // "Issue key" on the channels page is the verb, not a reference to unfinished work; orders "arrive" too.
    private static readonly Regex Unfinished = new(@"\b(arrives?\s+(with|later|soon|in\s+a\s+later)|coming soon|later|TODO|placeholder)\b|\bissues?\b(?!\s+(a\s+new\s+|an\s+)?(api\s+)?key)", RegexOptions.IgnoreCase);

    [Fact]
    public async Task EveryBackOfficePageIsAccessibleTitledAndFinished()
    {
        var page = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.Locator("svg").First).ToBeVisibleAsync();
        await ExpectPageAsync(page, "dashboard");

        // Every entry of the navigation leads to a working page (the Hangfire dashboard is not ours).
        var navigation = (await page.Locator("nav a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(href => href != "/hangfire").ToList();
        navigation.ShouldContain("/opportunities");
        navigation.ShouldContain("/settings");

        // Each settings card opens a page headed with the card's title; the cards come from the catalog the hub
        // shows, so a new settings page is checked here the day it gets its card.
        var settingsPages = SettingsCatalog.Available.Select(link => (link.Href, link.Title, link.Href.Trim('/').Replace('/', '-')));
        foreach (var (path, heading, name) in new (string Path, string Heading, string Name)[]
        {
            ("/carts", "Shopping carts", "carts"),
            ("/orders", "Orders", "orders"),
            ("/returns/requests", "Return requests", "return-requests"),
            ("/customers", "Customers", "customers"),
            ("/products", "Products", "products"),
            ("/accounts", "Accounts", "accounts"),
            ("/opportunities", "Opportunities", "opportunities"),
            ("/forecast", "Forecast", "forecast"),
            ("/customers/new", "New customer", "customer-new"),
            ("/settings", "Settings", "settings"),
        }.Concat(settingsPages))
        {
            navigation.Remove(path);
            await page.GotoAsync(path);
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await Assertions.Expect(page.Locator(".mud-table-loading-progress")).ToHaveCountAsync(0);
            // The template page previews the e-mail in a script-less sandboxed iframe (the merchant's HTML, not
            // our UI); axe cannot run inside it. The iframe element itself is checked.
            await ExpectPageAsync(page, name, scanFrames: path != "/settings/email-templates");
        }
        navigation.ShouldBe(["/"], "every navigation entry is visited above");

        foreach (var (grid, name) in new[] { ("/carts", "cart"), ("/orders", "order"), ("/customers", "customer") })
        {
            await page.GotoAsync(grid);
            await BrowserApp.WaitForCircuitAsync(page);
            // A plain cell of the first row (no link, no checkbox): the whole row opens the record.
            var row = page.Locator("tbody tr.mud-table-row").First;
            var href = await row.Locator("a[data-row-link]").GetAttributeAsync("href");
            await row.Locator("td:not(:has(a, input))").First.ClickAsync();
            await BrowserApp.ExpectPathAsync(page, href!);
            await page.Locator("main dl").First.WaitForAsync();
            if (name != "customer") await page.Locator("[data-testid=workflow-step]").WaitForAsync();
            await ExpectPageAsync(page, name);
        }

        // The record pages a grid row does not open in the loop above. The demo customers' accounts come from the
        // start-up pass of the relation job, which may still be running; finish it here.
        await app.Factory.Services.GetRequiredService<AccountRelationJob>().RunAsync(CancellationToken.None);
        long accountId, opportunityId, customerId;
        await using (var db = app.Factory.CreateDbContext())
        {
            accountId = await db.Accounts.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            opportunityId = await db.Opportunities.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            customerId = await db.Customers.Where(c => !c.IsGuest).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        foreach (var (path, name) in new[] { ($"/accounts/{accountId}", "account"), ($"/opportunities/{opportunityId}", "opportunity"), ($"/customers/{customerId}/edit", "customer-edit") })
        {
            await page.GotoAsync(path);
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator("main h1").WaitForAsync();
            await Assertions.Expect(page.Locator(".mud-table-loading-progress")).ToHaveCountAsync(0);
            await ExpectPageAsync(page, name);
        }

        // An outbox message's preview opens in a dialog over the list, in view, not somewhere below it.
        await using (var db = app.Factory.CreateDbContext())
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage($"every-page:{Guid.NewGuid():N}", "preview@e2e.test", "Preview in a dialog",
                "<p>Hello</p>", "Hello", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        await page.GotoAsync("/outbox");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("tbody tr").Filter(new() { HasText = "Preview in a dialog" }).First.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.Locator(".mud-dialog [data-testid=eml-preview]");
        await Assertions.Expect(preview).ToContainTextAsync("Subject: Preview in a dialog");
        await Assertions.Expect(preview).ToBeInViewportAsync();
        await app.AssertAccessibleAsync(page, "outbox-preview");
        await page.ClickAsync("[data-testid=close-preview]");
        await Assertions.Expect(preview).ToHaveCountAsync(0);

        // The tab shows the shop's icon.
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(icon!);
        response.Status.ShouldBe(200);
    }

    private async Task ExpectPageAsync(IPage page, string name, bool scanFrames = true)
    {
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(" · CommerceDesk$"));
        var text = await page.Locator("main").InnerTextAsync();
        Unfinished.Match(text).Success.ShouldBeFalse($"{name}: \"{Unfinished.Match(text).Value}\" in {text}");
        await app.AssertAccessibleAsync(page, name, scanFrames);
    }
}
