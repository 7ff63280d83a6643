using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;

namespace CommerceDesk.Tests.Data;

/// <summary>
/// The grids fetch a page's ids first and join afterwards; walking every sort page by page must give exactly the
/// rows, in exactly the order, of the whole sorted list (the export's query, which joins without paging).
/// </summary>
public abstract class GridPagingTests(GridShopFixture shop)
{
    public sealed class OnSqlite(GridShopFixture shop) : GridPagingTests(shop), IClassFixture<GridShopFixture>;

    public sealed class OnPostgres(PostgresGridShopFixture shop) : GridPagingTests(shop), IClassFixture<PostgresGridShopFixture>;

    public static TheoryData<string, bool> OrderSorts() => Sorts(OrderGridQuery.SortableColumns);

    public static TheoryData<string, bool> CartSorts() => Sorts(CartGridQuery.SortableColumns);

    public static TheoryData<string, bool> CustomerSorts() => Sorts(CustomerGridQuery.SortableColumns);

    [Theory]
    [MemberData(nameof(OrderSorts))]
    public async Task OrderPagesFollowTheWholeSortedList(string sortBy, bool descending)
    {
        await using var db = shop.Open();
        var all = await new OrderGridQuery().StreamAsync(db, new OrderGridFilter(), new GridPaging(SortBy: sortBy, Descending: descending)).ToListAsync();

        var paged = await AllPages(paging => new OrderGridQuery().RunAsync(db, new OrderGridFilter(), paging), sortBy, descending);

        all.Count.ShouldBe(5);
        paged.ShouldBe(all);
    }

    [Theory]
    [MemberData(nameof(CartSorts))]
    public async Task CartPagesFollowTheWholeSortedList(string sortBy, bool descending)
    {
        await using var db = shop.Open();
        var all = await new CartGridQuery().StreamAsync(db, new CartGridFilter(), new GridPaging(SortBy: sortBy, Descending: descending)).ToListAsync();

        var paged = await AllPages(paging => new CartGridQuery().RunAsync(db, new CartGridFilter(), paging), sortBy, descending);

        all.Count.ShouldBe(3);
        paged.ShouldBe(all);
    }

    [Theory]
    [MemberData(nameof(CustomerSorts))]
    public async Task CustomerPagesFollowTheWholeSortedList(string sortBy, bool descending)
    {
        await using var db = shop.Open();
        var all = await new CustomerGridQuery().StreamAsync(db, new CustomerGridFilter(), new GridPaging(SortBy: sortBy, Descending: descending)).ToListAsync();

        var paged = await AllPages(paging => new CustomerGridQuery().RunAsync(db, new CustomerGridFilter(), paging), sortBy, descending);

        all.Count.ShouldBe(4);
        paged.ShouldBe(all);
    }

    [Fact]
    public async Task APageBeyondTheEndIsEmptyButKeepsTheCount()
    {
        await using var db = shop.Open();

        var page = await new OrderGridQuery().RunAsync(db, new OrderGridFilter(), new GridPaging(Page: 3, PageSize: 2));

        page.Rows.ShouldBeEmpty();
        page.TotalCount.ShouldBe(5);
    }

    private static async Task<List<TRow>> AllPages<TRow>(Func<GridPaging, Task<GridPage<TRow>>> run, string sortBy, bool descending)
    {
        var rows = new List<TRow>();
        for (var page = 0; ; page++)
        {
            var result = await run(new GridPaging(page, PageSize: 2, SortBy: sortBy, Descending: descending));
            if (result.Rows.Count == 0) return rows;
            rows.AddRange(result.Rows);
        }
    }

    private static TheoryData<string, bool> Sorts(IEnumerable<string> columns)
    {
        var data = new TheoryData<string, bool>();
        foreach (var column in columns)
        {
            data.Add(column, false);
            data.Add(column, true);
        }
        return data;
    }
}
