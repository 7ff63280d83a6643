using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Dashboard;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Data;

/// <summary>A small shop on a real SQLite file, shared by the grid query tests (they only read).</summary>
public class GridShopFixture : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public static readonly DateTime Day1 = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    public string Path { get; private set; } = "";
    public long WebChannelId { get; private set; }
    public long B2bChannelId { get; private set; }
    public long AnnaId { get; private set; }

    public async Task InitializeAsync()
    {
        Path = await TestDatabase.CreateAsync(Provider);
        await using var db = Open();
        var shop = new ShopData(db);
        var web = await shop.ChannelAsync("web", "Web shop");
        var b2b = await shop.ChannelAsync("b2b", "Trade shop");
        WebChannelId = web.Id;
        B2bChannelId = b2b.Id;

        var anna = await shop.CustomerAsync(web, "c-anna", "Anna", "Schmidt", "anna@shop.test", accountName: "Schmidt GmbH", at: Day1.AddDays(-10));
        var bob = await shop.CustomerAsync(web, "c-bob", "Bob", "Miller", "bob@shop.test", at: Day1.AddDays(-5));
        var guest = await shop.CustomerAsync(web, "c-guest", null, null, "guest@shop.test", isGuest: true, at: Day1.AddDays(-1));
        var annaB2b = await shop.CustomerAsync(b2b, "c-anna-b2b", "Anna", "Schmidt", "anna@trade.test", at: Day1.AddDays(-2));
        AnnaId = anna.Id;

        await shop.OrderAsync(web, "W-1001", anna, Day1, unitPrice: 10m);
        await shop.OrderAsync(web, "W-1002", bob, Day1.AddDays(1), unitPrice: 25m, quantity: 2);
        await shop.OrderAsync(web, "W-1003", guest, Day1.AddDays(2), unitPrice: 5m);
        await shop.OrderAsync(b2b, "B-2001", annaB2b, Day1.AddDays(3), unitPrice: 100m, payment: PaymentStatus.Paid);
        await shop.OrderAsync(web, "W-1004", bob, Day1.AddDays(3).AddHours(2), unitPrice: 7m, cancelled: true);

        await shop.CartAsync(web, "cart-a", anna, Day1, step: CheckoutStep.Shipping);
        await shop.CartAsync(web, "cart-b", bob, Day1.AddDays(1), abandoned: true);
        await shop.CartAsync(web, "cart-g", null, Day1.AddDays(2), email: "walkin@shop.test");
    }

    public CommerceDbContext Open(CommandCounter? counter = null) =>
        counter is null ? TestDatabase.Open(Path) : TestDatabase.Open(Path, counter);

    public Task DisposeAsync()
    {
        TestDatabase.Delete(Path);
        return Task.CompletedTask;
    }
}

/// <summary>The same shop on a PostgreSQL database.</summary>
public sealed class PostgresGridShopFixture : GridShopFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public abstract class OrderGridQueryTests(GridShopFixture shop)
{
    public sealed class OnSqlite(GridShopFixture shop) : OrderGridQueryTests(shop), IClassFixture<GridShopFixture>;

    public sealed class OnPostgres(PostgresGridShopFixture shop) : OrderGridQueryTests(shop), IClassFixture<PostgresGridShopFixture>;

    private async Task<GridPage<OrderRow>> Run(OrderGridFilter filter, GridPaging? paging = null)
    {
        await using var db = shop.Open();
        return await new OrderGridQuery().RunAsync(db, filter, paging ?? GridPaging.Default);
    }

    private static string[] Numbers(GridPage<OrderRow> page) => page.Rows.Select(r => r.Number).ToArray();

    [Fact]
    public async Task ListsNewestFirstWithCustomerChannelAndTotals()
    {
        var page = await Run(new OrderGridFilter());

        page.TotalCount.ShouldBe(5);
        Numbers(page).ShouldBe(["W-1004", "B-2001", "W-1003", "W-1002", "W-1001"]);
        var bobs = page.Rows.Single(r => r.Number == "W-1002");
        bobs.CustomerName.ShouldBe("Bob Miller");
        bobs.Channel.ShouldBe("web");
        bobs.Subtotal.ShouldBe(50m);
        bobs.Status.ShouldBe(OrderStatuses.Incoming);
        page.Rows.Single(r => r.Number == "W-1003").CustomerName.ShouldBe("guest@shop.test");
    }

    [Fact]
    public async Task FiltersByStatusChannelAndPlacedDays()
    {
        Numbers(await Run(new OrderGridFilter(Status: OrderStatuses.Cancelled))).ShouldBe(["W-1004"]);
        Numbers(await Run(new OrderGridFilter(ChannelId: shop.B2bChannelId))).ShouldBe(["B-2001"]);
        var days = new OrderGridFilter(PlacedFrom: DateOnly.FromDateTime(GridShopFixture.Day1.AddDays(1)), PlacedTo: DateOnly.FromDateTime(GridShopFixture.Day1.AddDays(2)));
        Numbers(await Run(days)).ShouldBe(["W-1003", "W-1002"]);
        Numbers(await Run(new OrderGridFilter(Status: OrderStatuses.Incoming, ChannelId: shop.WebChannelId))).ShouldBe(["W-1003", "W-1002", "W-1001"]);
    }

    [Theory]
    [InlineData("W-100", new[] { "W-1004", "W-1003", "W-1002", "W-1001" })]
    [InlineData("anna", new[] { "B-2001", "W-1001" })]
    [InlineData("Schm", new[] { "B-2001", "W-1001" })]
    [InlineData("Anna Sch", new[] { "B-2001", "W-1001" })]
    [InlineData("BOB@shop", new[] { "W-1004", "W-1002" })]
    [InlineData("  guest@  ", new[] { "W-1003" })]
    [InlineData("%", new string[0])]
    [InlineData("W_1001", new[] { "W-1001" })]
    [InlineData("1001", new[] { "W-1001" })]
    [InlineData("\"anna\" OR x", new string[0])]
    public async Task SearchesWordPrefixesOfNumberEmailAndCustomerName(string search, string[] expected)
    {
        Numbers(await Run(new OrderGridFilter(Search: search))).ShouldBe(expected);
    }

    [Fact]
    public async Task PagesAndSortsInTheDatabase()
    {
        var second = await Run(new OrderGridFilter(), new GridPaging(Page: 1, PageSize: 2, SortBy: nameof(OrderRow.Subtotal), Descending: false));

        second.TotalCount.ShouldBe(5);
        Numbers(second).ShouldBe(["W-1001", "W-1002"]);
    }

    [Fact]
    public async Task OnePageIsOneRoundTripForRowsAndOneForTheCount()
    {
        var counter = new CommandCounter();
        await using var db = shop.Open(counter);

        await new OrderGridQuery().RunAsync(db, new OrderGridFilter(Search: "anna", Status: OrderStatuses.Incoming), new GridPaging(PageSize: 50));

        counter.Commands.Count.ShouldBe(2);
        counter.Commands[0].ShouldContain("COUNT(*)");
        counter.Commands[1].ShouldContain("LIMIT");
    }

    [Fact]
    public async Task ClampsAPageSizeNobodyShouldAskFor()
    {
        var page = await Run(new OrderGridFilter(), new GridPaging(Page: -3, PageSize: 100_000));

        page.Rows.Count.ShouldBe(5);
        new GridPaging(Page: -3, PageSize: 100_000).Normalized().ShouldBe(new GridPaging(Page: 0, PageSize: GridPaging.MaxPageSize));
    }
}

public abstract class CartAndCustomerGridQueryTests(GridShopFixture shop)
{
    public sealed class OnSqlite(GridShopFixture shop) : CartAndCustomerGridQueryTests(shop), IClassFixture<GridShopFixture>;

    public sealed class OnPostgres(PostgresGridShopFixture shop) : CartAndCustomerGridQueryTests(shop), IClassFixture<PostgresGridShopFixture>;

    [Fact]
    public async Task CartsFilterByStatusAndSearchByEmailOrCustomerName()
    {
        await using var db = shop.Open();

        var abandoned = await new CartGridQuery().RunAsync(db, new CartGridFilter(Status: CartStatus.Abandoned), GridPaging.Default);
        abandoned.Rows.Select(r => r.ExternalId).ShouldBe(["cart-b"]);

        var byEmail = await new CartGridQuery().RunAsync(db, new CartGridFilter(Search: "walkin"), GridPaging.Default);
        byEmail.Rows.Single().CustomerName.ShouldBe("walkin@shop.test");

        var byName = await new CartGridQuery().RunAsync(db, new CartGridFilter(Search: "Anna"), GridPaging.Default);
        byName.Rows.Single().ExternalId.ShouldBe("cart-a");
        byName.Rows.Single().CheckoutStep.ShouldBe(CheckoutStep.Shipping);
    }

    [Fact]
    public async Task CustomersShowAccountAndOrderCountAndFilterGuests()
    {
        await using var db = shop.Open();

        var all = await new CustomerGridQuery().RunAsync(db, new CustomerGridFilter(), new GridPaging(SortBy: nameof(CustomerRow.Name), Descending: false));
        all.TotalCount.ShouldBe(4);
        var anna = all.Rows.Single(r => r.Id == shop.AnnaId);
        anna.AccountName.ShouldBe("Schmidt GmbH");
        anna.OrderCount.ShouldBe(1);

        var guests = await new CustomerGridQuery().RunAsync(db, new CustomerGridFilter(Guests: true), GridPaging.Default);
        guests.Rows.Single().Email.ShouldBe("guest@shop.test");

        var search = await new CustomerGridQuery().RunAsync(db, new CustomerGridFilter(Search: "Anna Schmidt", ChannelId: shop.WebChannelId), GridPaging.Default);
        search.Rows.Single().Id.ShouldBe(shop.AnnaId);
    }

    [Fact]
    public async Task DashboardCountsAndSumsInTheDatabase()
    {
        await using var db = shop.Open();

        (await DashboardFigures.NewOrdersAsync(db)).ShouldBe(4);
        (await DashboardFigures.OpenCartsAsync(db)).ShouldBe(2);
        (await DashboardFigures.AbandonedCartsAsync(db)).ShouldBe(1);

        // Monday 2 November 2026 starts the week; the cancelled W-1004 does not count.
        var revenue = await DashboardFigures.RevenueThisWeekAsync(db, GridShopFixture.Day1.AddDays(4), TimeZoneInfo.Utc);
        revenue.ShouldBe([
            new DailyRevenue(new DateOnly(2026, 11, 2), "EUR", 10m),
            new DailyRevenue(new DateOnly(2026, 11, 3), "EUR", 50m),
            new DailyRevenue(new DateOnly(2026, 11, 4), "EUR", 5m),
            new DailyRevenue(new DateOnly(2026, 11, 5), "EUR", 100m),
        ]);
    }

    [Fact]
    public async Task TheWeeksRevenueFollowsTheManagersCalendarDays()
    {
        await using var db = shop.Open();
        // UTC+14: the orders placed at 10:00 UTC land at midnight of the next day there.
        var kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");

        DashboardFigures.WeekStart(GridShopFixture.Day1.AddDays(4), kiritimati).ShouldBe(new DateOnly(2026, 11, 2));
        var revenue = await DashboardFigures.RevenueThisWeekAsync(db, GridShopFixture.Day1.AddDays(4), kiritimati);
        revenue.ShouldBe([
            new DailyRevenue(new DateOnly(2026, 11, 3), "EUR", 10m),
            new DailyRevenue(new DateOnly(2026, 11, 4), "EUR", 50m),
            new DailyRevenue(new DateOnly(2026, 11, 5), "EUR", 5m),
            new DailyRevenue(new DateOnly(2026, 11, 6), "EUR", 100m),
        ]);
    }
}
