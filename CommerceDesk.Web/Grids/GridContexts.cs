using MudBlazor;

namespace CommerceDesk.Web.Grids;

/// <summary>What a grid's filter controls read, and how they change it (the grid starts again at its first page).</summary>
public sealed class GridFilterContext<TFilter>(TFilter filter, Action<TFilter> change)
{
    public TFilter Filter { get; } = filter;

    public void Change(TFilter filter) => change(filter);
}

/// <summary>The rows picked for a mass action, and what the action calls when it is done (the grid forgets the picks and reloads).</summary>
public sealed class GridSelection(IReadOnlyList<long> ids, Func<Task> doneAsync)
{
    public IReadOnlyList<long> Ids { get; } = ids;

    public Task DoneAsync() => doneAsync();
}

/// <summary>What a grid's columns read: the direction a sortable column starts with, so a restored view shows its sort arrow.</summary>
public sealed class GridColumnContext(GridPaging paging)
{
    public SortDirection Direction(string column) => Components.Shared.GridSort.InitialDirection(paging, column);
}
