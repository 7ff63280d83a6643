using Bunit;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Components;

public sealed class OrdersGridTests : MudComponentContext
{
    private async Task SeedAsync()
    {
        await using var db = CreateDbContext();
        var shop = new ShopData(db);
        var web = await shop.ChannelAsync();
        var anna = await shop.CustomerAsync(web, "c-anna", "Anna", "Schmidt", "anna@shop.test");
        await shop.OrderAsync(web, "W-1001", anna, Clock.Start, unitPrice: 12.5m);
        await shop.OrderAsync(web, "W-1002", null, Clock.Start.AddHours(1), email: "walkin@shop.test", cancelled: true);
    }

    [Fact]
    public async Task ShowsTheDatabaseRowsWithCustomerTotalAndCrmColumn()
    {
        await SeedAsync();

        var grid = Render<OrdersGrid>();

        grid.WaitForAssertion(() => grid.FindAll("tbody tr.mud-table-row").Count.ShouldBe(2));
        var markup = grid.Markup;
        markup.ShouldContain("W-1001");
        markup.ShouldContain("Anna Schmidt");
        markup.ShouldContain("12.50 EUR");
        markup.ShouldContain("Not synced with CRM");
        grid.Find("a[href='/orders/1']").TextContent.ShouldBe("W-1001");
    }

    [Fact]
    public async Task ALinkFilterNarrowsTheRowsAndIsKeptInTheSessionStore()
    {
        await SeedAsync();

        var grid = Render<OrdersGrid>(p => p.Add(g => g.InitialFilter, new OrderGridFilter(Status: OrderStatuses.Cancelled)));

        grid.WaitForAssertion(() => grid.FindAll("tbody tr.mud-table-row").Count.ShouldBe(1));
        grid.Markup.ShouldContain("W-1002");
        grid.Markup.ShouldNotContain("W-1001");
        Services.GetRequiredService<IState<GridView<OrderGridFilter>>>().Value.Filter.Status.ShouldBe(OrderStatuses.Cancelled);
    }

    [Fact]
    public async Task ReturningToTheGridRestoresTheSessionsFilter()
    {
        await SeedAsync();
        Services.GetRequiredService<IDispatcher>().Dispatch(new GridFilterChanged<OrderGridFilter>(new OrderGridFilter(Search: "W-1001")));

        var grid = Render<OrdersGrid>();

        grid.WaitForAssertion(() => grid.FindAll("tbody tr.mud-table-row").Count.ShouldBe(1));
        grid.Find("#orders-search").GetAttribute("value").ShouldBe("W-1001");
    }

    [Fact]
    public async Task EveryRowCarriesTheOneLinkAClickOnTheRowOpens()
    {
        await SeedAsync();
        var grid = Render<OrdersGrid>();
        grid.WaitForAssertion(() => grid.FindAll("tbody tr.mud-table-row").Count.ShouldBe(2));

        // The browser opens a clicked row through its [data-row-link] (wwwroot/app.js; Browser tests click rows).
        grid.Find(".mud-table").ClassList.ShouldContain(RowLink.ClickableRowsClass);
        grid.FindAll("tbody tr.mud-table-row")
            .Select(row => row.QuerySelectorAll("a[data-row-link]").Select(a => a.GetAttribute("href")).Single())
            .ShouldBe(["/orders/2", "/orders/1"]);
    }

    [Fact]
    public void AnEmptyShopSaysSoInsteadOfShowingAnEmptyTable()
    {
        var grid = Render<OrdersGrid>();

        grid.WaitForAssertion(() => grid.Find("[data-testid=orders-empty]").TextContent.ShouldContain("No orders yet"));
    }

    [Fact]
    public async Task TheExportLinkCarriesTheCurrentFilters()
    {
        await SeedAsync();

        var grid = Render<OrdersGrid>(p => p.Add(g => g.InitialFilter, new OrderGridFilter(Search: "anna", Status: "Incoming")));

        grid.WaitForAssertion(() => grid.Find("[data-testid=orders-export]").GetAttribute("href")
            .ShouldBe("/export/orders.csv?search=anna&status=Incoming"));
    }

    [Fact]
    public async Task AnotherPageOrANewFilterForgetsThePickedRows()
    {
        await SeedAsync();
        var dispatcher = Services.GetRequiredService<IDispatcher>();
        dispatcher.Dispatch(new GridPagingChanged<OrderGridFilter>(new GridPaging(PageSize: 1)));
        var grid = Render<OrdersGrid>();
        grid.WaitForAssertion(() => grid.Find("tbody tr.mud-table-row").TextContent.ShouldContain("W-1002"));

        PickFirstRow(grid);
        grid.Find("button[aria-label='Next page']").Click();

        grid.WaitForAssertion(() => grid.Find("tbody tr.mud-table-row").TextContent.ShouldContain("W-1001"));
        Picked(grid).ShouldBe(0);

        PickFirstRow(grid);
        dispatcher.Dispatch(new GridFilterChanged<OrderGridFilter>(new OrderGridFilter(Search: "W-100")));

        grid.WaitForAssertion(() => grid.Find("tbody tr.mud-table-row").TextContent.ShouldContain("W-1002"));
        grid.WaitForAssertion(() => Picked(grid).ShouldBe(0));
    }

    private static void PickFirstRow(IRenderedComponent<OrdersGrid> grid)
    {
        grid.Find("tbody tr.mud-table-row input[type=checkbox]").Change(true);
        grid.WaitForAssertion(() => Picked(grid).ShouldBe(1));
    }

    private static int Picked(IRenderedComponent<OrdersGrid> grid) =>
        grid.FindAll("tbody tr.mud-table-row input[type=checkbox]").Count(box => box.HasAttribute("checked"));
}
