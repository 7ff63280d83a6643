using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Opportunities;

namespace CommerceDesk.Tests.Crm;

/// <summary>The opportunities grid's filters and sorts, on a real database.</summary>
public abstract class OpportunityGridQueryTests : IAsyncLifetime
{
    public sealed class OnSqlite : OpportunityGridQueryTests { protected override DatabaseProvider Provider => DatabaseProvider.Sqlite; }

    public sealed class OnPostgres : OpportunityGridQueryTests { protected override DatabaseProvider Provider => DatabaseProvider.Postgres; }

    protected abstract DatabaseProvider Provider { get; }

    private static readonly DateTime Now = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
    private string _path = "";

    public async Task InitializeAsync()
    {
        _path = await TestDatabase.CreateAsync(Provider);
        await using var db = TestDatabase.Open(_path);
        var shop = new ShopData(db);
        var web = await shop.ChannelAsync();
        var anna = await shop.CustomerAsync(web, "c-anna", "Anna", "Schmidt", "anna@shop.test");
        var cart = await shop.CartAsync(web, "CART-1", anna, Now);
        var order = await shop.OrderAsync(web, "W-1", anna, Now);
        Opportunity Make(string name, decimal amount, string stage, int closeInDays, string owner, long? cartId = null, long? orderId = null) =>
            Opportunity.ForRecord(name, new Money(amount, "EUR"), stage, Now.AddDays(closeInDays), new Actor(owner, owner), Now, cartId, orderId, anna.Id, null, null);
        db.Opportunities.AddRange(
            Make("Alpha", 100m, OpportunityStages.Prospecting, 5, "Ann", cartId: cart.Id),
            Make("Bravo", 300m, OpportunityStages.ClosedWon, 40, "Ben", orderId: order.Id),
            Make("Charlie", 200m, OpportunityStages.Prospecting, 45, "Ann"),
            Make("Spring range for Café Müller", 50m, OpportunityStages.Qualification, 60, "Ben"));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    private async Task<List<string>> NamesAsync(OpportunityGridFilter filter, string? sortBy = null, bool descending = false)
    {
        await using var db = TestDatabase.Open(_path);
        var page = await new OpportunityGridQuery().RunAsync(db, filter, new GridPaging(0, 50, sortBy, sortBy is not null && descending));
        page.TotalCount.ShouldBe(page.Rows.Count);
        return page.Rows.Select(r => r.Name).ToList();
    }

    [Fact]
    public async Task SoonestCloseDateComesFirst() =>
        (await NamesAsync(new OpportunityGridFilter())).ShouldBe(["Alpha", "Bravo", "Charlie", "Spring range for Café Müller"]);

    [Fact]
    public async Task StageFilterKeepsThatStageOnly() =>
        (await NamesAsync(new OpportunityGridFilter(Stage: OpportunityStages.Prospecting))).ShouldBe(["Alpha", "Charlie"]);

    [Fact]
    public async Task OwnerFilterKeepsThatOwnersOnly() =>
        (await NamesAsync(new OpportunityGridFilter(Owner: "Ben"))).ShouldBe(["Bravo", "Spring range for Café Müller"]);

    [Fact]
    public async Task CloseMonthFilterKeepsThatCalendarMonth() =>
        (await NamesAsync(new OpportunityGridFilter(CloseMonth: new DateOnly(2026, 12, 1)))).ShouldBe(["Bravo", "Charlie"]);

    [Theory]
    [InlineData(OpportunitySource.Cart, "Alpha")]
    [InlineData(OpportunitySource.Order, "Bravo")]
    [InlineData(OpportunitySource.Manual, "Charlie|Spring range for Café Müller")]
    public async Task SourceFilterTellsCartsOrdersAndHandEnteredApart(OpportunitySource source, string expected) =>
        (await NamesAsync(new OpportunityGridFilter(Source: source))).ShouldBe(expected.Split('|'));

    [Fact]
    public async Task SortsByAmountDescending() =>
        (await NamesAsync(new OpportunityGridFilter(), nameof(OpportunityRow.Amount), descending: true)).ShouldBe(["Bravo", "Charlie", "Alpha", "Spring range for Café Müller"]);

    [Fact]
    public async Task SearchMatchesTheNamesBeginning() =>
        (await NamesAsync(new OpportunityGridFilter(Search: "cha"))).ShouldBe(["Charlie"]);

    [Theory]
    [InlineData("muller")]
    [InlineData("range cafe")]
    [InlineData("SPRING")]
    public async Task SearchMatchesAnyWordsOfTheNameIgnoringCaseAndAccents(string search) =>
        (await NamesAsync(new OpportunityGridFilter(Search: search))).ShouldBe(["Spring range for Café Müller"]);
}
