using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// One upsert in one transaction on a fresh context. Two deliveries racing to create the same record meet the
/// unique (channel, external id) index or the version check; the loser starts again from a new read and so
/// becomes an update (or an acknowledged duplicate) instead of a 500. On PostgreSQL the transaction first takes a lock
/// on the record's key, so pushes of one record wait for each other instead of failing round after round (eight
/// versions of one customer at once would otherwise outlast any number of retries); other records are not held up.
/// </summary>
internal static class WriteTransaction
{
    private const int MaxAttempts = 4;

    public static async Task<T> RunAsync<T>(
        IDbContextFactory<CommerceDbContext> factory, StorefrontRecordKey record,
        Func<CommerceDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
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
                    if (db.Database.IsNpgsql())
                        await LockRecordAsync(db, record, cancellationToken);
                    var result = await work(db, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                });
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && DbErrors.IsRace(ex))
            {
                // Someone else created or changed the row first: read again.
            }
        }
    }

    // Held until commit or rollback. A 64-bit hash of the key: two records sharing one only wait for each other.
    private static Task LockRecordAsync(CommerceDbContext db, StorefrontRecordKey record, CancellationToken cancellationToken)
    {
        var key = $"storefront:{record.Channel}:{record.Kind}:{record.ExternalId}";
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
