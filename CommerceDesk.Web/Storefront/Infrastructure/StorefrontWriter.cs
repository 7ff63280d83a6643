using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// Runs each storefront upsert in a transaction. SQL Server takes concurrent writers, so every upsert runs in its own.
/// SQLite has one writer at a time: upserts go through <see cref="GroupCommitQueue"/>, which commits the ones that
/// arrived together in one transaction instead of handing the file lock from request to request.
/// </summary>
internal sealed class StorefrontWriter(IDbContextFactory<CommerceDbContext> factory, DatabaseOptions database, GroupCommitQueue queue)
{
    /// <summary>Runs <paramref name="work"/>, the upsert of <paramref name="record"/>; on SQLite a full queue refuses it (<see cref="WriteQueueFullException"/>).</summary>
    public Task<T> WriteAsync<T>(
        StorefrontRecordKey record, Func<CommerceDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Sqlite
            ? queue.EnqueueAsync(record, work, cancellationToken)
            : WriteTransaction.RunAsync(factory, record, work, cancellationToken);
}
