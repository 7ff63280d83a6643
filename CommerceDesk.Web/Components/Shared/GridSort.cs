using CommerceDesk.Web.Grids;
using MudBlazor;

namespace CommerceDesk.Web.Components.Shared;

/// <summary>Translates between MudBlazor's grid state and our UI-free <see cref="GridPaging"/>.</summary>
public static class GridSort
{
    public static GridPaging ToPaging<T>(GridState<T> state, GridPaging defaults)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new GridPaging(state.Page, state.PageSize, sort?.SortBy ?? defaults.SortBy, sort?.Descending ?? defaults.Descending).Normalized();
    }

    /// <summary>The direction a column starts with, so a restored view shows its sort arrow.</summary>
    public static SortDirection InitialDirection(GridPaging paging, string column) =>
        paging.SortBy == column ? (paging.Descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    public static readonly int[] PageSizes = [10, 25, 50, 100];
}
