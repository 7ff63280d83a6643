using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Data.Search;

/// <summary>Ids of the rows whose full-text index matches, as subqueries the grid queries compose with.</summary>
public static class FullTextSearch
{
    /// <summary>The SQLite FTS5 indexes exist only in the SQLite migrations; other providers search with LIKE.</summary>
    public static bool IsAvailable(CommerceDbContext db) => db.Database.IsSqlite();

    public static IQueryable<long> CustomerIds(CommerceDbContext db, string match) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM CustomerSearch WHERE CustomerSearch MATCH {match}");

    public static IQueryable<long> OrderIds(CommerceDbContext db, string match) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM OrderSearch WHERE OrderSearch MATCH {match}");

    public static IQueryable<long> CartIds(CommerceDbContext db, string match) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM CartSearch WHERE CartSearch MATCH {match}");
}
