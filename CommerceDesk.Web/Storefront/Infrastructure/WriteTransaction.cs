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
    private const int MaxAttempts = 8;

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
                    // On SQLite this is BEGIN IMMEDIATE: writers queue up before reading, so the read is current. PostgreSQL
                    // runs it at repeatable read: of two nodes that read the same record (a customer has no version to
                    // compare), the second to write it fails with a serialization failure and starts again from a fresh read.
                    await using var transaction = db.Database.IsNpgsql()
                        ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
                        : await db.Database.BeginTransactionAsync(cancellationToken);
                    var result = await work(db, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                });
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && IsRace(ex))
            {
                // Someone else created or changed the row first: read again.
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsSerializationFailure(ex))
            {
                // PostgreSQL refused to write a row another transaction changed since our read: read again, a moment later.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }

    private static bool IsRace(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } // UNIQUE / PRIMARY KEY
        || ex.InnerException is SqlException { Number: 2601 or 2627 }
        || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>PostgreSQL's serialization failure, bare (at commit) or wrapped by EF as a save error or a transient failure.</summary>
    private static bool IsSerializationFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure }) return true;
        return false;
    }
}
