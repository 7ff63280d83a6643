namespace CommerceDesk.Data.Search;

/// <summary>
/// SQLite FTS5 indexes behind the grids' text search (a LIKE '%term%' scans the table; FTS5 answers from its
/// index). Each is an external-content table over its source table, kept in step by triggers, so the rows
/// are stored once. Used by the SQLite migrations; PostgreSQL's
/// counterpart is <see cref="PostgresFullText"/>, with the same matching rules.
/// </summary>
public static class FullTextIndexes
{
    public sealed record Index(string Name, string Table, string[] Columns);

    public static readonly Index Customers = new("CustomerSearch", "Customers", ["FirstName", "LastName", "Email", "ExternalId"]);
    public static readonly Index Orders = new("OrderSearch", "Orders", ["Number", "Email"]);
    public static readonly Index Carts = new("CartSearch", "Carts", ["ExternalId", "Email"]);
    public static readonly Index Accounts = new("AccountSearch", "Accounts", ["Name"]);
    public static readonly Index Opportunities = new("OpportunitySearch", "Opportunities", ["Name"]);

    /// <summary>The indexes the FullTextSearch migration created (a migration keeps building what it built then).</summary>
    public static readonly Index[] OfFullTextSearchMigration = [Customers, Orders, Carts];

    /// <summary>The indexes the NameSearch migration added.</summary>
    public static readonly Index[] OfNameSearchMigration = [Accounts, Opportunities];

    /// <summary>Every index the migrations create.</summary>
    public static readonly Index[] All = [.. OfFullTextSearchMigration, .. OfNameSearchMigration];

    public static IEnumerable<string> CreateSql(Index index)
    {
        var columns = string.Join(", ", index.Columns);
        string Values(string row) => string.Join(", ", index.Columns.Select(c => $"{row}.{c}"));
        yield return $"CREATE VIRTUAL TABLE {index.Name} USING fts5({columns}, content='{index.Table}', content_rowid='Id', tokenize='unicode61 remove_diacritics 2')";
        yield return $"CREATE TRIGGER {index.Name}_Insert AFTER INSERT ON {index.Table} BEGIN INSERT INTO {index.Name}(rowid, {columns}) VALUES (new.Id, {Values("new")}); END";
        yield return $"CREATE TRIGGER {index.Name}_Delete AFTER DELETE ON {index.Table} BEGIN INSERT INTO {index.Name}({index.Name}, rowid, {columns}) VALUES ('delete', old.Id, {Values("old")}); END";
        yield return $"CREATE TRIGGER {index.Name}_Update AFTER UPDATE OF {columns} ON {index.Table} BEGIN " +
                     $"INSERT INTO {index.Name}({index.Name}, rowid, {columns}) VALUES ('delete', old.Id, {Values("old")}); " +
                     $"INSERT INTO {index.Name}(rowid, {columns}) VALUES (new.Id, {Values("new")}); END";
        yield return $"INSERT INTO {index.Name}({index.Name}) VALUES ('rebuild')";
    }

    public static IEnumerable<string> DropSql(Index index) =>
    [
        $"DROP TRIGGER IF EXISTS {index.Name}_Insert", $"DROP TRIGGER IF EXISTS {index.Name}_Delete",
        $"DROP TRIGGER IF EXISTS {index.Name}_Update", $"DROP TABLE IF EXISTS {index.Name}",
    ];

    /// <summary>
    /// The user's words as an FTS5 query: each word a quoted prefix term, all required ("ada love" finds
    /// "Ada Lovelace"); quotes inside words are doubled so no input is FTS syntax. Null when nothing is searchable.
    /// </summary>
    public static string? MatchExpression(string? term)
    {
        // In an address the local part is what tells rows apart; "example" and "com" match nearly every row
        // and would make the index intersect huge lists.
        var at = term?.IndexOf('@') ?? -1;
        if (at > 0) term = term![..at];
        var words = (term ?? "").Split([' ', '\t', '@', '.', '-', '_', '+', ',', ';', ':', '/', '(', ')', '"', '\'', '*'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (at < 0 && words.Length > 1 && IsId(term!, words)) words = words.Where(HasDigit).ToArray();
        return words.Length == 0 ? null : string.Join(' ', words.Take(8).Select(w => $"\"{w.Replace("\"", "\"\"")}\"*"));
    }

    /// <summary>
    /// One token like "C-00012345" or "W_1001": letters and a run of digits in separate parts. Its letters are a
    /// prefix the storefront gives every id ("C" is a word of every cart, and as a prefix also of every "customer…"
    /// address), so matching them reads nearly the whole index; the digits alone find the row. A digit part of one
    /// or two digits ("RC-REDRAW-1") tells nothing apart on its own, so such a token keeps all its words.
    /// </summary>
    private static bool IsId(string term, string[] words) =>
        !term.Trim().Any(char.IsWhiteSpace) && words.Any(w => HasDigit(w) && w.Length >= 3) && !words.All(HasDigit);

    private static bool HasDigit(string word) => word.Any(char.IsAsciiDigit);
}
