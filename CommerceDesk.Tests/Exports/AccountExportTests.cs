using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts;
using CommerceDesk.Web.Exports;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Exports;

/// <summary>The accounts grid's CSV download: the link's search and status filter, names written as plain text.</summary>
public abstract class AccountExportTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : AccountExportTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : AccountExportTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Fact]
    public async Task TheAccountsExportHoldsTheStatusAndSearchOfTheLinkAndKeepsNamesAsText()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.CustomerAsync(web, "acc-exp-1", "Ann", "Active", "ann@shop.test", accountName: "Expacc Active");
            await shop.CustomerAsync(web, "acc-exp-2", "Gus", "Gone", "gus@shop.test", accountName: "Expacc \"Gone\", Ltd");
            await shop.CustomerAsync(web, "acc-exp-3", "Fred", "Formula", "fred@shop.test", accountName: "=HYPERLINK(\"http://evil.test\",\"Expacc\")");
            await db.Accounts.Where(a => a.Name != "Expacc Active")
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, false).SetProperty(a => a.CustomerCount, 0));
            await db.Accounts.Where(a => a.Name == "Expacc Active").ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerCount, 1));
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var inactive = await manager.GetStringAsync("/export/accounts.csv?active=false");
        // The grid's export button links what the grid shows: its search, its status filter and its order.
        var searched = await manager.GetStringAsync(GridExports.AccountsUrl(new AccountGridFilter("expacc", Active: false), new GridPaging(0, 25, "Name", false)));
        var active = await manager.GetStringAsync("/export/accounts.csv?active=true&sortBy=Name&desc=false");

        inactive.ShouldContain("Name,Status,Lifetime sales value,Customers,Open opportunities,Last activity (UTC)");
        inactive.ShouldContain("\"Expacc \"\"Gone\"\", Ltd\",Inactive,");
        inactive.ShouldNotContain("Expacc Active");
        var formulaRow = inactive.Split('\n').Single(l => l.Contains("HYPERLINK"));
        formulaRow.TrimStart('"').ShouldNotStartWith("=");
        // Search matches words of the name: both inactive accounts name "Expacc", the active one is filtered out.
        searched.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
        GridExports.AccountsUrl(new AccountGridFilter("expacc", Active: false), new GridPaging(0, 25, "Name", false))
            .ShouldBe("/export/accounts.csv?search=expacc&active=False&sortBy=Name&desc=false");
        searched.ShouldContain("Expacc \"\"Gone\"\"");
        var activeRow = active.Split('\n').Single(l => l.StartsWith("Expacc Active,")).Split(',');
        activeRow.ShouldSatisfyAllConditions(r => r[1].ShouldBe("Active"), r => r[3].ShouldBe("1"), r => r[4].ShouldBe("0"));
        active.ShouldNotContain("Gone");
    }
}
