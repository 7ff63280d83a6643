using CommerceDesk.Data;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Exports;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Orders;

namespace CommerceDesk.Tests.Localization;

/// <summary>
/// "Placed between 23 and 23 November" means the manager's 23 November: an order at 23:30 UTC on the 22nd is
/// on the 23rd in Berlin; one at 05:00 UTC on the 23rd is New York's first minute of that day.
/// </summary>
public abstract class ManagerDayFilterTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ManagerDayFilterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ManagerDayFilterTests(DatabaseProvider.Postgres);

    private static readonly DateTime LateOn22ndUtc = new(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime NewYorkMidnight = new(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly The23rd = new(2026, 11, 23);
    private static readonly TimeZoneInfo Berlin = DisplayTimeZone.Resolve("Europe/Berlin").Zone;
    private static readonly TimeZoneInfo NewYork = DisplayTimeZone.Resolve("America/New_York").Zone;

    private string _path = "";

    public async Task InitializeAsync()
    {
        _path = await TestDatabase.CreateAsync(provider);
        await using var db = Open();
        var shop = new ShopData(db);
        var web = await shop.ChannelAsync();
        var late = await shop.CustomerAsync(web, "c-late", "Lena", "Late", "lena@shop.test", at: LateOn22ndUtc);
        var early = await shop.CustomerAsync(web, "c-early", "Eddie", "Early", "eddie@shop.test", at: NewYorkMidnight);
        await shop.OrderAsync(web, "LATE", late, LateOn22ndUtc);
        await shop.OrderAsync(web, "EARLY", early, NewYorkMidnight);
        await shop.CartAsync(web, "cart-late", late, LateOn22ndUtc);
        await shop.CartAsync(web, "cart-early", early, NewYorkMidnight);
    }

    private CommerceDbContext Open() => TestDatabase.Open(_path);

    private async Task<string[]> OrdersOnThe23rdAsync(TimeZoneInfo? zone)
    {
        await using var db = Open();
        var page = await new OrderGridQuery().RunAsync(db, new OrderGridFilter(PlacedFrom: The23rd, PlacedTo: The23rd) { DayZone = zone }, new GridPaging(SortBy: "PlacedAt", Descending: false));
        return page.Rows.Select(r => r.Number).ToArray();
    }

    [Fact]
    public async Task TheOrdersDayFilterReadsTheDaysInTheManagersZone()
    {
        (await OrdersOnThe23rdAsync(Berlin)).ShouldBe(["LATE", "EARLY"]);
        (await OrdersOnThe23rdAsync(NewYork)).ShouldBe(["EARLY"]);
        (await OrdersOnThe23rdAsync(null)).ShouldBe(["EARLY"]);
    }

    [Fact]
    public async Task TheOrdersDayFilterEndsAtTheManagersMidnight()
    {
        await using var db = Open();
        var the22nd = new DateOnly(2026, 11, 22);

        var inNewYork = await new OrderGridQuery().RunAsync(db, new OrderGridFilter(PlacedTo: the22nd) { DayZone = NewYork }, new GridPaging());
        var inBerlin = await new OrderGridQuery().RunAsync(db, new OrderGridFilter(PlacedTo: the22nd) { DayZone = Berlin }, new GridPaging());

        inNewYork.Rows.Select(r => r.Number).ShouldBe(["LATE"]);
        inBerlin.Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheCartsAndCustomersDayFiltersReadTheManagersDaysToo()
    {
        await using var db = Open();

        var carts = await new CartGridQuery().RunAsync(db, new CartGridFilter(ActiveFrom: The23rd, ActiveTo: The23rd) { DayZone = Berlin }, new GridPaging());
        var customers = await new CustomerGridQuery().RunAsync(db, new CustomerGridFilter(CreatedFrom: The23rd, CreatedTo: The23rd) { DayZone = Berlin }, new GridPaging());
        var utcCustomers = await new CustomerGridQuery().RunAsync(db, new CustomerGridFilter(CreatedFrom: The23rd, CreatedTo: The23rd), new GridPaging());

        carts.TotalCount.ShouldBe(2);
        customers.TotalCount.ShouldBe(2);
        utcCustomers.Rows.Select(r => r.Email).ShouldBe(["eddie@shop.test"]);
    }

    [Fact]
    public void TheExportLinkCarriesTheZoneOnlyWithADayFilter()
    {
        var paging = new GridPaging();

        GridExports.OrdersUrl(new OrderGridFilter(PlacedFrom: The23rd) { DayZone = Berlin }, paging)
            .ShouldBe("/export/orders.csv?from=2026-11-23&tz=Europe%2FBerlin");
        GridExports.OrdersUrl(new OrderGridFilter(Search: "late") { DayZone = Berlin }, paging).ShouldBe("/export/orders.csv?search=late");
        GridExports.CartsUrl(new CartGridFilter(ActiveTo: The23rd) { DayZone = TimeZoneInfo.Utc }, paging).ShouldBe("/export/carts.csv?to=2026-11-23");
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }
}
