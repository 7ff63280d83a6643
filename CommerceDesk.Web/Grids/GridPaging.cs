namespace CommerceDesk.Web.Grids;

/// <summary>Which page of a grid, in which order. <see cref="SortBy"/> names a row property; unknown names fall back to the grid's default order.</summary>
public sealed record GridPaging(int Page = 0, int PageSize = GridPaging.DefaultPageSize, string? SortBy = null, bool Descending = true)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static GridPaging Default { get; } = new();

    public int Skip => Page * PageSize;

    /// <summary>Clamps what came from the browser: a negative page or a page of a million rows is not a request we serve.</summary>
    public GridPaging Normalized() => this with
    {
        Page = Math.Max(0, Page),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
    };
}

/// <summary>One page of rows and the number of rows matching the filter.</summary>
public sealed record GridPage<TRow>(IReadOnlyList<TRow> Rows, int TotalCount);
