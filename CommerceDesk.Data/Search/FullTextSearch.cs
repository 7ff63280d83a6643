using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Data.Search;

/// <summary>
/// Ids of the rows whose full-text index matches, as subqueries the grid queries compose with: SQLite's FTS5 tables
/// (<see cref="FullTextIndexes"/>) or PostgreSQL's <c>tsvector</c> columns (<see cref="PostgresFullText"/>), both
/// given the FTS5 expression of <see cref="FullTextIndexes.MatchExpression"/>.
/// </summary>
public static class FullTextSearch
{
    /// <summary>
    /// The indexes exist in the SQLite and PostgreSQL migrations; SQL Server searches with LIKE prefixes (a full-text
    /// catalog needs SQL Server's Full-Text Search feature installed, which a migration cannot assume).
    /// </summary>
    public static bool IsAvailable(CommerceDbContext db) => db.Database.IsSqlite() || db.Database.IsNpgsql();

    public static IQueryable<long> CustomerIds(CommerceDbContext db, string match) => db.Database.IsNpgsql()
        ? Postgres(db, "Customers", match)
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM CustomerSearch WHERE CustomerSearch MATCH {match}");

    public static IQueryable<long> OrderIds(CommerceDbContext db, string match) => db.Database.IsNpgsql()
        ? Postgres(db, "Orders", match)
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM OrderSearch WHERE OrderSearch MATCH {match}");

    public static IQueryable<long> CartIds(CommerceDbContext db, string match) => db.Database.IsNpgsql()
        ? Postgres(db, "Carts", match)
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM CartSearch WHERE CartSearch MATCH {match}");

    private static IQueryable<long> Postgres(CommerceDbContext db, string table, string match)
    {
        // The table name is one of ours, never input; the query is a parameter.
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"" + table + "\" WHERE \"" + PostgresFullText.Column + "\" @@ to_tsquery('simple', {0})";
        return db.Database.SqlQueryRaw<long>(sql, PostgresFullText.TsQuery(match));
    }
}
