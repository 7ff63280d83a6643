namespace CommerceDesk.Web.Grids;

/// <summary>
/// What every grid's filter record has: a text search, and whose calendar days its day filters mean. A grid's
/// filter is a sealed record deriving from this, with one property per filter control.
/// </summary>
public abstract record GridFilter(string? Search)
{
    /// <summary>Whose calendar days the From/To days are (the manager's display zone); null reads them as UTC days.</summary>
    public TimeZoneInfo? DayZone { get; init; }
}

/// <summary>Changes to any grid's filter record, keeping its own type (a record's <c>with</c> copies the whole derived record).</summary>
public static class GridFilterChanges
{
    public static TFilter WithSearch<TFilter>(this TFilter filter, string? search) where TFilter : GridFilter =>
        (TFilter)(filter with { Search = search });

    public static TFilter InDayZone<TFilter>(this TFilter filter, TimeZoneInfo? zone) where TFilter : GridFilter =>
        (TFilter)(filter with { DayZone = zone });
}
