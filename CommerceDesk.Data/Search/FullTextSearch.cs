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

    public static IQueryable<long> AccountIds(CommerceDbContext db, string match) => db.Database.IsNpgsql()
        ? Postgres(db, "Accounts", match)
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM AccountSearch WHERE AccountSearch MATCH {match}");

    public static IQueryable<long> OpportunityIds(CommerceDbContext db, string match) => db.Database.IsNpgsql()
        ? Postgres(db, "Opportunities", match)
        : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM OpportunitySearch WHERE OpportunitySearch MATCH {match}");

    /// <summary>
    /// PostgreSQL: the orders matching on their own search column or their customer's, as one id list. Asked as an OR
    /// of two IN lists, PostgreSQL scans the whole table and tests each row against both; a UNION reads both from
    /// their indexes.
    /// </summary>
    public static IQueryable<long> OrderIdsWithCustomers(CommerceDbContext db, string match) => PostgresWithCustomers(db, "Orders", match);

    /// <summary>PostgreSQL: the carts matching on their own search column or their customer's (see <see cref="OrderIdsWithCustomers"/>).</summary>
    public static IQueryable<long> CartIdsWithCustomers(CommerceDbContext db, string match) => PostgresWithCustomers(db, "Carts", match);

    private static IQueryable<long> PostgresWithCustomers(CommerceDbContext db, string table, string match)
    {
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"" + table + "\" WHERE \"" + PostgresFullText.Column + "\" @@ to_tsquery('simple', {0}) " +
                  "UNION SELECT \"Id\" FROM \"" + table + "\" WHERE \"CustomerId\" IN " +
                  "(SELECT \"Id\" FROM \"Customers\" WHERE \"" + PostgresFullText.Column + "\" @@ to_tsquery('simple', {0}))";
        return db.Database.SqlQueryRaw<long>(sql, PostgresFullText.TsQuery(match));
    }

    private static IQueryable<long> Postgres(CommerceDbContext db, string table, string match)
    {
        // The table name is one of ours, never input; the query is a parameter.
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"" + table + "\" WHERE \"" + PostgresFullText.Column + "\" @@ to_tsquery('simple', {0})";
        return db.Database.SqlQueryRaw<long>(sql, PostgresFullText.TsQuery(match));
    }
}
