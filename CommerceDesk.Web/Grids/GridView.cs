using CommerceDesk.Web.Store;

namespace CommerceDesk.Web.Grids;

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

/// <summary>The reducers every grid's view shares; the filter type keeps each grid's actions to its own view.</summary>
public static class GridViewReducers
{
    public static GridView<TFilter> FilterChanged<TFilter>(GridView<TFilter> state, GridFilterChanged<TFilter> action) where TFilter : new() =>
        Equals(state.Filter, action.Filter) ? state : new(action.Filter, state.Paging with { Page = 0 });

    public static GridView<TFilter> PagingChanged<TFilter>(GridView<TFilter> state, GridPagingChanged<TFilter> action) where TFilter : new() =>
        state with { Paging = action.Paging.Normalized() };

    public static GridView<TFilter> FiltersCleared<TFilter>(GridView<TFilter> state, GridFiltersCleared<TFilter> action) where TFilter : new() =>
        new(new TFilter(), state.Paging with { Page = 0 });
}

public static class GridViewSetup
{
    /// <summary>The session's view of the grid whose filter record is <typeparamref name="TFilter"/>, kept in the store.</summary>
    public static IServiceCollection AddGridView<TFilter>(this IServiceCollection services) where TFilter : new() =>
        services.AddStore(store => store
            .AddFeature($"Grid:{typeof(TFilter).Name}", GridView<TFilter>.Initial)
            .AddReducer<GridFilterChanged<TFilter>>(GridViewReducers.FilterChanged)
            .AddReducer<GridPagingChanged<TFilter>>(GridViewReducers.PagingChanged)
            .AddReducer<GridFiltersCleared<TFilter>>(GridViewReducers.FiltersCleared));
}
