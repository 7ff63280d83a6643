using System.Linq.Expressions;
using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Grids;

/// <summary>
/// Text search as LIKE prefix patterns, where no full-text index serves it (SQL Server, whose LIKE ignores case under
/// its default collation; SQLite and PostgreSQL use FullTextSearch): "starts with" can use the indexes on number,
/// e-mail and name, where "contains" scans the table.
/// </summary>
public static class TextSearch
{
    public const string EscapeCharacter = "\\";
    public const int MaxLength = 100;

    /// <summary>
    /// The rows whose full-text index matches every word of the search as a prefix (SQLite, PostgreSQL); on SQL Server
    /// those <paramref name="prefixFallback"/> keeps for the search's LIKE prefix pattern. No search keeps every row.
    /// </summary>
    public static IQueryable<T> MatchingWords<T>(this IQueryable<T> rows, CommerceDbContext db, string? search,
        Func<CommerceDbContext, string, IQueryable<long>> fullTextIds, Func<string, Expression<Func<T, bool>>> prefixFallback)
        where T : Entity
    {
        if (FullTextSearch.IsAvailable(db))
        {
            if (FullTextIndexes.MatchExpression(search) is not { } match) return rows;
            var ids = fullTextIds(db, match);
            return rows.Where(row => ids.Contains(row.Id));
        }
        return Prefix(search) is { } pattern ? rows.Where(prefixFallback(pattern)) : rows;
    }

    /// <summary>The trimmed term as a prefix pattern with LIKE's wildcards escaped, or null for no search.</summary>
    public static string? Prefix(string? term) =>
        Normalize(term) is { } t ? Escape(t) + "%" : null;

    /// <summary>"Anna Sch" searches first name "Anna%" with last name "Sch%"; null unless the term has two words.</summary>
    public static (string First, string Last)? FullNamePrefixes(string? term)
    {
        var words = Normalize(term)?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words is [var first, var last] ? (Escape(first) + "%", Escape(last) + "%") : null;
    }

    private static string? Normalize(string? term)
    {
        var trimmed = term?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length > MaxLength ? trimmed[..MaxLength] : trimmed;
    }

    private static string Escape(string term) =>
        term.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter)
            .Replace("%", EscapeCharacter + "%")
            .Replace("_", EscapeCharacter + "_");
}

/// <summary>An inclusive range of calendar days in a time zone (the manager's; UTC when none), as UTC bounds.</summary>
public static class DayRange
{
    public static DateTime? StartOf(DateOnly? from, TimeZoneInfo? zone = null) => from is { } day ? Midnight(day, zone) : null;

    /// <summary>The exclusive end: the start of the day after <paramref name="to"/>.</summary>
    public static DateTime? EndOf(DateOnly? to, TimeZoneInfo? zone = null) => to is { } day ? Midnight(day.AddDays(1), zone) : null;

    private static DateTime Midnight(DateOnly day, TimeZoneInfo? zone) =>
        Localization.DisplayTimeZone.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone ?? TimeZoneInfo.Utc);
}
