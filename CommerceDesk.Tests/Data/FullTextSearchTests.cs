using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Data;

/// <summary>The full-text index (FTS5 on SQLite, tsvector on PostgreSQL) follows its tables and never parses user input as syntax.</summary>
public abstract class FullTextSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : FullTextSearchTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : FullTextSearchTests(DatabaseProvider.Postgres);

    private string _path = "";

    public async Task InitializeAsync() => _path = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("ada", "\"ada\"*")]
    [InlineData("  Ada   Love ", "\"Ada\"* \"Love\"*")]
    [InlineData("ada@example.com", "\"ada\"*")]
    [InlineData("ada.lovelace@example.com", "\"ada\"* \"lovelace\"*")]
    [InlineData("@example", "\"example\"*")]
    [InlineData("x\" OR \"y", "\"x\"* \"OR\"* \"y\"*")]
    [InlineData("  ", null)]
    [InlineData("C-00012345", "\"00012345\"*")]
    [InlineData(" W_1001 ", "\"1001\"*")]
    [InlineData("SO-2026-0042", "\"2026\"* \"0042\"*")]
    [InlineData("RC-REDRAW-1", "\"RC\"* \"REDRAW\"* \"1\"*")]
    [InlineData("A-12", "\"A\"* \"12\"*")]
    [InlineData("customer42", "\"customer42\"*")]
    [InlineData("Anna B2", "\"Anna\"* \"B2\"*")]
    [InlineData("ada2@example.com", "\"ada2\"*")]
    public void UserInputBecomesQuotedPrefixTerms(string term, string? expected) =>
        FullTextIndexes.MatchExpression(term).ShouldBe(expected);

    [Fact]
    public async Task SearchFollowsInsertsUpdatesAndDeletes()
    {
        await using (var db = TestDatabase.Open(_path))
        {
            db.Channels.Add(new CommerceDesk.Domain.Channels.Channel("web", "Web", "EUR"));
            await db.SaveChangesAsync();
            db.Customers.Add(new Customer(db.Channels.Single().Id, "c1", new("ada@example.com", "Ada", "Lovelace", null, null, false, null), Clock.Start, Clock.Start));
            await db.SaveChangesAsync();
        }
        (await Names("lovel")).ShouldBe(["Ada Lovelace"]);

        await using (var db = TestDatabase.Open(_path))
        {
            var customer = await db.Customers.SingleAsync();
            customer.Update(new("ada@example.com", "Ada", "King", null, null, false, null), Clock.Start.AddMinutes(1));
            await db.SaveChangesAsync();
        }
        (await Names("lovelace")).ShouldBeEmpty();
        (await Names("king")).ShouldBe(["Ada King"]);

        await using (var db = TestDatabase.Open(_path))
        {
            db.Customers.Remove(await db.Customers.SingleAsync());
            await db.SaveChangesAsync();
        }
        (await Names("king")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ACartIsFoundByItsStorefrontIdAmongIdsWithTheSamePrefix()
    {
        await using (var db = TestDatabase.Open(_path))
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            foreach (var id in new[] { "C-00012345", "C-00012399", "C-00098765" })
                await shop.CartAsync(web, id, null, Clock.Start, email: "customer12345@example.com");
        }
        await using var search = TestDatabase.Open(_path);

        var exact = await new CartGridQuery().RunAsync(search, new CartGridFilter(Search: "C-00012345"), GridPaging.Default);
        var prefix = await new CartGridQuery().RunAsync(search, new CartGridFilter(Search: "c-000123"), GridPaging.Default);

        exact.Rows.Select(r => r.ExternalId).ShouldBe(["C-00012345"]);
        prefix.Rows.Select(r => r.ExternalId).Order().ShouldBe(["C-00012345", "C-00012399"]);
    }

    [Fact]
    public async Task CaseAndAccentsAreIgnoredAndPunctuationSplitsWords()
    {
        await using (var db = TestDatabase.Open(_path))
        {
            db.Channels.Add(new CommerceDesk.Domain.Channels.Channel("web", "Web", "EUR"));
            await db.SaveChangesAsync();
            db.Customers.Add(new Customer(db.Channels.Single().Id, "c1", new("jose.nunez@example.com", "José", "Núñez-Ortiz", null, null, false, null), Clock.Start, Clock.Start));
            await db.SaveChangesAsync();
        }

        (await Names("JOSE")).ShouldBe(["José Núñez-Ortiz"]);
        (await Names("nunez ort")).ShouldBe(["José Núñez-Ortiz"]);
        (await Names("Ortiz")).ShouldBe(["José Núñez-Ortiz"]);
        (await Names("josé.núñez@example.com")).ShouldBe(["José Núñez-Ortiz"]);
        (await Names("jose ortega")).ShouldBeEmpty();
    }

    private async Task<string[]> Names(string search)
    {
        await using var db = TestDatabase.Open(_path);
        var page = await new CustomerGridQuery().RunAsync(db, new CustomerGridFilter(Search: search), GridPaging.Default);
        return page.Rows.Select(r => r.Name).ToArray();
    }
}
