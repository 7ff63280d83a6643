using System.Diagnostics;
using CommerceDesk.Data;
using CommerceDesk.Web.Accounts.Values;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Relating;

/// <summary>
/// Works the newest unfinished <see cref="Domain.Accounts.AccountRelationRun"/> through every customer in id order, a
/// batch per transaction. Each batch is claimed by a compare-and-swap on the run's progress inside its transaction: a
/// second node asking for the same batch waits, finds it taken and moves on; a node that dies midway rolls back its
/// claim with its work. A newer run (the strategy changed again) ends older ones, whose batches then fail their claim.
/// </summary>
public sealed class AccountRelationJob(
    IDbContextFactory<CommerceDbContext> factory, AccountRelator relator, AccountTotals totals, TimeProvider time,
    ILogger<AccountRelationJob> logger)
{
    public const int DefaultBatchSize = 1000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Returns how many customers this call related (another node may have done the rest).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var related = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var run = await db.AccountRelationRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (run is null || run.IsFinished) return related;

            var batch = await db.Customers.AsNoTracking().Where(c => c.Id > run.LastCustomerId).OrderBy(c => c.Id).Take(BatchSize)
                .Select(c => new CustomerLink(c.Id, c.ParentCustomerId, c.IsGuest, c.AccountId, c.AccountChosenByHand)).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                var now = time.GetUtcNow().UtcDateTime;
                if (await db.AccountRelationRuns.Where(r => r.Id == run.Id && r.FinishedAt == null && r.LastCustomerId == run.LastCustomerId)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now), cancellationToken) == 1)
                    logger.LogInformation("Accounts related ({Strategy}): {Done} customers, finished.", run.Strategy, run.Done);
                return related;
            }

            bool claimed;
            try
            {
                claimed = await ClaimAndRelateAsync(db, run, batch, cancellationToken);
            }
            catch (Exception ex) when (DbErrors.IsLockConflict(ex) || DbErrors.IsUniqueViolation(ex))
            {
                // A storefront push or another node touched the same rows: the batch rolled back; read the run again.
                logger.LogDebug(ex, "Account relation batch after customer #{After} collided; retrying.", run.LastCustomerId);
                continue;
            }
            if (!claimed) continue;
            related += batch.Count;
            logger.LogInformation("Accounts related ({Strategy}): {Done} of {Total} customers, {Rate:F0} customers/s on this node.",
                run.Strategy, run.Done + batch.Count, run.Total, related / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
        }
    }

    private Task<bool> ClaimAndRelateAsync(CommerceDbContext db, Domain.Accounts.AccountRelationRun run, List<CustomerLink> batch, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var last = batch[^1].Id;
            var won = await db.AccountRelationRuns
                .Where(r => r.Id == run.Id && r.LastCustomerId == run.LastCustomerId && r.FinishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastCustomerId, last).SetProperty(r => r.Done, r => r.Done + batch.Count), cancellationToken);
            if (won == 0) return false;
            var accounts = await relator.RelateAsync(db, run.Strategy, batch, cancellationToken);
            await totals.RecomputeAsync(db, accounts, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
}
