using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;

namespace CommerceDesk.Web.Store.Grids;

/// <summary>What a grid shows: its filters and its page and sort. Kept per session, so returning to a grid restores it.</summary>
public sealed record GridView<TFilter>(TFilter Filter, GridPaging Paging) where TFilter : new()
{
    public static GridView<TFilter> Initial { get; } = new(new TFilter(), GridPaging.Default);
}

/// <summary>New filters: the grid starts again at its first page.</summary>
public sealed record GridFilterChanged<TFilter>(TFilter Filter);

/// <summary>The manager paged, sorted or changed the page size.</summary>
public sealed record GridPagingChanged<TFilter>(GridPaging Paging);

/// <summary>Back to no filters; page size and sort stay as the manager chose.</summary>
public sealed record GridFiltersCleared<TFilter>;

public abstract class GridViewFeature<TFilter> : Feature<GridView<TFilter>> where TFilter : new()
{
    public override string GetName() => $"Grid:{typeof(TFilter).Name}";

    public override GridView<TFilter> GetInitialState() => GridView<TFilter>.Initial;
}

public class GridFilterChangedReducer<TFilter> : Reducer<GridView<TFilter>, GridFilterChanged<TFilter>> where TFilter : new()
{
    public override GridView<TFilter> Reduce(GridView<TFilter> state, GridFilterChanged<TFilter> action) =>
        Equals(state.Filter, action.Filter) ? state : new(action.Filter, state.Paging with { Page = 0 });
}

public class GridPagingChangedReducer<TFilter> : Reducer<GridView<TFilter>, GridPagingChanged<TFilter>> where TFilter : new()
{
    public override GridView<TFilter> Reduce(GridView<TFilter> state, GridPagingChanged<TFilter> action) =>
        state with { Paging = action.Paging.Normalized() };
}

public class GridFiltersClearedReducer<TFilter> : Reducer<GridView<TFilter>, GridFiltersCleared<TFilter>> where TFilter : new()
{
    public override GridView<TFilter> Reduce(GridView<TFilter> state, GridFiltersCleared<TFilter> action) =>
        new(new TFilter(), state.Paging with { Page = 0 });
}

// One closed feature and set of reducers per grid, so the store discovers them.
public sealed class OrdersGridFeature : GridViewFeature<OrderGridFilter>;
public sealed class OrdersGridFilterReducer : GridFilterChangedReducer<OrderGridFilter>;
public sealed class OrdersGridPagingReducer : GridPagingChangedReducer<OrderGridFilter>;
public sealed class OrdersGridClearReducer : GridFiltersClearedReducer<OrderGridFilter>;

public sealed class CartsGridFeature : GridViewFeature<CartGridFilter>;
public sealed class CartsGridFilterReducer : GridFilterChangedReducer<CartGridFilter>;
public sealed class CartsGridPagingReducer : GridPagingChangedReducer<CartGridFilter>;
public sealed class CartsGridClearReducer : GridFiltersClearedReducer<CartGridFilter>;

public sealed class CustomersGridFeature : GridViewFeature<CustomerGridFilter>;
public sealed class CustomersGridFilterReducer : GridFilterChangedReducer<CustomerGridFilter>;
public sealed class CustomersGridPagingReducer : GridPagingChangedReducer<CustomerGridFilter>;
public sealed class CustomersGridClearReducer : GridFiltersClearedReducer<CustomerGridFilter>;
