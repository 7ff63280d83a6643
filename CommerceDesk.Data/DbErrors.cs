using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Data;

/// <summary>
/// What a database error means for the code that caught it, on every provider: SQLite, SQL Server, and PostgreSQL
/// through the standard SQLSTATE that Npgsql reports (<see cref="DbException.SqlState"/>), so no Npgsql reference is
/// needed. Each check looks through the exception and its inner exceptions, so it takes EF Core's
/// <see cref="DbUpdateException"/>, a retry strategy's wrapper or the provider's own exception alike.
/// </summary>
public static class DbErrors
{
    /// <summary>An insert or update met a unique index or primary key: another writer created the row first.</summary>
    public static bool IsUniqueViolation(Exception? exception) => Any(exception, e => e switch
    {
        // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // duplicate key in a unique index, violation of a unique or primary key constraint
        SqlException sql => sql.Number is 2601 or 2627,
        DbException other => other.SqlState == "23505",
        _ => false,
    });

    /// <summary>A save found the row's concurrency token changed (or the row gone): the copy it read is stale.</summary>
    public static bool IsStaleWrite(Exception? exception) => Any(exception, e => e is DbUpdateConcurrencyException);

    /// <summary>
    /// The database refused or gave up on a lock: SQLite busy or locked past its busy timeout, a SQL Server deadlock
    /// victim or lock timeout, a PostgreSQL serialization failure, deadlock or unavailable lock. Nothing was written;
    /// the same work may succeed when tried again.
    /// </summary>
    public static bool IsLockConflict(Exception? exception) => Any(exception, e => e switch
    {
        // SQLITE_BUSY, SQLITE_LOCKED (the low byte is the primary code of an extended one)
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is 5 or 6,
        // chosen as deadlock victim, lock request time-out
        SqlException sql => sql.Number is 1205 or 1222,
        // serialization_failure, deadlock_detected, lock_not_available
        DbException other => other.SqlState is "40001" or "40P01" or "55P03",
        _ => false,
    });

    /// <summary>Someone saved first: a stale version, or the same new row inserted twice. Reading again resolves it.</summary>
    public static bool IsRace(Exception? exception) => IsStaleWrite(exception) || IsUniqueViolation(exception);

    private static bool Any(Exception? exception, Func<Exception, bool> test)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (test(e)) return true;
        return false;
    }
}
