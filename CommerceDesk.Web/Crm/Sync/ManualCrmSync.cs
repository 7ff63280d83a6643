using CommerceDesk.Data;
using CommerceDesk.Domain.Crm;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Crm.Sync;

/// <summary>
/// "Sync with CRM" (grid mass action, a row's link, the customer page's button): queues the records whatever the
/// automatic synchronization settings say, and starts a sync run at once instead of at the next minute.
/// </summary>
public sealed class ManualCrmSync(IDbContextFactory<CommerceDbContext> factory, IServiceProvider services, TimeProvider time)
{
    /// <summary>Queues the carts and orders; returns how many were queued.</summary>
    public async Task<int> QueueAsync(IReadOnlyCollection<long> cartIds, IReadOnlyCollection<long> orderIds, CancellationToken cancellationToken)
    {
        var queued = 0;
        // A push or a manager saving one of these records at the same moment wins; the sync is queued once more after it.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                queued = await QueueOnceAsync(cartIds, orderIds, cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }
        if (queued > 0) StartRun();
        return queued;
    }

    /// <summary>Every cart and order of one customer (the customer page's button).</summary>
    public async Task<int> QueueCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var carts = await db.Carts.Where(c => c.CustomerId == customerId).Select(c => c.Id).ToListAsync(cancellationToken);
        var orders = await db.Orders.Where(o => o.CustomerId == customerId).Select(o => o.Id).ToListAsync(cancellationToken);
        return await QueueAsync(carts, orders, cancellationToken);
    }

    /// <summary>The queue page's "Retry now": pending and failed records become due at once.</summary>
    public async Task<int> RetryAsync(IReadOnlyCollection<long>? entryIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var waiting = db.CrmSyncQueue.Where(e => e.DueAt != null && e.ClaimToken == null);
        if (entryIds is not null) waiting = waiting.Where(e => entryIds.Contains(e.Id));
        var due = await waiting.ExecuteUpdateAsync(s => s.SetProperty(e => e.DueAt, now), cancellationToken);
        if (due > 0) StartRun();
        return due;
    }

    /// <summary>
    /// A run now rather than at the next minute. Without a job client (pages rendered on their own, as in component
    /// tests) the queued records wait for the minutely run, which finds them all the same.
    /// </summary>
    private void StartRun() =>
        services.GetService<IBackgroundJobClient>()?.Enqueue<CrmSyncJob>(job => job.RunAsync(CancellationToken.None));

    private async Task<int> QueueOnceAsync(IReadOnlyCollection<long> cartIds, IReadOnlyCollection<long> orderIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var count = 0;
        foreach (var chunk in cartIds.Distinct().Chunk(500))
            foreach (var cart in await db.Carts.Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                await CrmSyncQueue.MarkPendingAsync(db, cart, now, cancellationToken);
                count++;
            }
        foreach (var chunk in orderIds.Distinct().Chunk(500))
            foreach (var order in await db.Orders.Where(o => chunk.Contains(o.Id)).ToListAsync(cancellationToken))
            {
                await CrmSyncQueue.MarkPendingAsync(db, order, now, cancellationToken);
                count++;
            }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
