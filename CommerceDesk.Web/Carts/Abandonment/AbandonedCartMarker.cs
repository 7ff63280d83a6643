using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Carts.Abandonment;

/// <summary>
/// The sweep's first step: open carts of a channel idle past its delay become Abandoned. The cart decides
/// (<see cref="Cart.IsAbandonedAt"/>, <see cref="Cart.MarkAbandoned"/>); the batch is then written with one
/// UPDATE per cart version, which matches only rows still at the version that was read: a cart a storefront
/// push or another node changed in between is left alone. Being set-based, these writes pass no SaveChanges and so no
/// domain-event handler; abandonment raises no event (the reminder is the sweep's next step, over the stored status).
/// </summary>
internal sealed class AbandonedCartMarker(IDbContextFactory<CommerceDbContext> factory, int batchSize)
{
    /// <summary>
    /// Reads through IX_Carts_OpenByLastActivity the open carts idle past the delay that no run has examined yet,
    /// however long ago their activity was: a cart pushed late (an outage, a webhook backlog) is examined like any
    /// other. Each examined cart is written abandoned or marked checked, so it leaves the range the next run reads.
    /// </summary>
    public async Task<int> MarkAsync(Channel channel, DateTime now, CancellationToken cancellationToken)
    {
        var delay = channel.AbandonmentDelay;
        var cutoff = now - delay;
        var marked = 0;
        DateTime lastAt = DateTime.MinValue;
        long lastId = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            // Ids first, from the index alone (it covers the query); then the carts themselves, untracked, by primary
            // key only: any further condition would tempt SQLite onto an index over every open cart.
            var dueIds = await db.Carts
                .Where(c => c.Status == CartStatus.Open && c.ChannelId == channel.Id && c.AbandonmentCheckedAt == null && c.LastActivityAt <= cutoff)
                // After the last cart read: the lower bound lets the index seek past carts that stayed (a push changed them meanwhile).
                .Where(c => c.LastActivityAt >= lastAt)
                .Where(c => c.LastActivityAt > lastAt || (c.LastActivityAt == lastAt && c.Id > lastId))
                .OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.LastActivityAt })
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (dueIds.Count == 0) break;
            (lastAt, lastId) = (dueIds[^1].LastActivityAt, dueIds[^1].Id);
            var ids = dueIds.Select(d => d.Id).ToList();
            var due = await db.Carts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);

            var abandoned = due.Where(c => c.IsAbandonedAt(now, delay)).ToList();
            foreach (var cart in abandoned) cart.MarkAbandoned(now, delay);
            // Carts with no items or nobody to contact are marked checked, so no later run reads them again.
            var unabandonable = due.Where(c => c.IsIdleButNotAbandonableAt(now, delay)).ToList();
            foreach (var cart in unabandonable) cart.MarkAbandonmentChecked(now, delay);
            marked += await SaveAbandonedAsync(db, abandoned, cancellationToken);
            await SaveAbandonedAsync(db, unabandonable, cancellationToken);
            if (dueIds.Count < batchSize) break;
        }
        return marked;
    }

    /// <summary>
    /// Writes the sweep's verdicts (abandoned, or examined and checked) and returns how many carts became abandoned.
    /// Compare-and-swap by version, one statement per distinct version in the batch (a cart's version counts its
    /// pushes, so a batch holds few). Every change to a cart's status, activity or lines is a SaveChanges that
    /// bumps the version, so an unchanged version means the cart is still open and idle as it was read; the
    /// statement names only the primary key and the version so SQLite cannot choose an index over all open carts.
    /// The version is bumped as SaveChanges would, so a push that read the cart before this fails its own check
    /// and retries against the cart as written here (a push clears the check, so its activity is examined anew).
    /// </summary>
    private static async Task<int> SaveAbandonedAsync(CommerceDbContext db, List<Cart> carts, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var sameVersion in carts.GroupBy(c => (c.Version, c.Status, c.AbandonedAt, c.AbandonmentCheckedAt)))
        {
            var (version, status, abandonedAt, checkedAt) = sameVersion.Key;
            var ids = sameVersion.Select(c => c.Id).ToList();
            var written = await db.Carts
                .Where(c => ids.Contains(c.Id) && c.Version == version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, status)
                    .SetProperty(c => c.AbandonedAt, abandonedAt)
                    .SetProperty(c => c.AbandonmentCheckedAt, checkedAt)
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            if (status == CartStatus.Abandoned) marked += written;
        }
        return marked;
    }
}
