using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Relating;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>The grids a manager works in all day show every column on a 1440 × 900 screen, without scrolling sideways.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class GridWidthBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/carts")]
    [InlineData("/orders")]
    [InlineData("/customers")]
    [InlineData("/opportunities")]
    [InlineData("/accounts")]
    [InlineData("/products")]
    public async Task EveryColumnFitsTheScreen(string path)
    {
        // The demo customers' accounts come from the start-up pass of the relation job, which may still be running.
        await app.Factory.Services.GetRequiredService<AccountRelationJob>().RunAsync(CancellationToken.None);
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, path);
        await Assertions.Expect(page.Locator("tbody tr.mud-table-row").First).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>(
            "() => { const c = document.querySelector('.mud-table-container'); return c.scrollWidth - c.clientWidth; }");

        var widths = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('thead th')].map(t => t.innerText.trim() + ':' + Math.round(t.getBoundingClientRect().width) + ':' + getComputedStyle(t).paddingLeft).join(' | ')");
        overflow.ShouldBeLessThanOrEqualTo(1, $"{path} scrolls sideways by {overflow} px at 1440 × 900: {widths}");
    }
}
