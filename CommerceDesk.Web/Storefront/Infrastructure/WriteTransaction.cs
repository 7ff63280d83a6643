using CommerceDesk.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// One upsert in one transaction on a fresh context. Two deliveries racing to create the same record meet the
/// unique (channel, external id) index or the version check; the loser starts again from a new read and so
/// becomes an update (or an acknowledged duplicate) instead of a 500.
/// </summary>
internal static class WriteTransaction
{
    private const int MaxAttempts = 4;

    public static async Task<T> RunAsync<T>(
        IDbContextFactory<CommerceDbContext> factory, Func<CommerceDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            try
            {
                // SQL Server's retrying strategy only allows our own transaction inside ExecuteAsync.
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    // On SQLite this is BEGIN IMMEDIATE: writers queue up before reading, so the read is current.
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var result = await work(db, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                });
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && IsRace(ex))
            {
                // Someone else created or changed the row first: read again.
            }
        }
    }

    private static bool IsRace(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } // UNIQUE / PRIMARY KEY
        || ex.InnerException is SqlException { Number: 2601 or 2627 }
        || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
