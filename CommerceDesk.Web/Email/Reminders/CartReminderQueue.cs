using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Reminders;

/// <summary>
/// The sweep's second step: every abandoned cart not yet checked gets the reminder rules once. Per batch: one
/// read of the carts, a few reads of their facts, the e-mails rendered before any lock is taken, then one
/// transaction that marks the ineligible carts checked, claims the eligible ones and queues their reminders.
/// </summary>
internal sealed class CartReminderQueue(IDbContextFactory<CommerceDbContext> factory, CartReminderComposer composer, int batchSize)
{
    private readonly Dictionary<long, EmailTemplate> _templates = [];

    /// <summary>Abandoned carts not yet checked, read through IX_Carts_ReminderUnchecked; each ends up checked.</summary>
    public async Task<(int Queued, int Ineligible)> QueueAsync(Dictionary<long, Channel> channels, DateTime now, CancellationToken cancellationToken)
    {
        var queued = 0;
        var ineligible = 0;
        DateTime lastAt = DateTime.MinValue;
        long lastId = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Carts.AsNoTracking()
                .Where(c => c.Status == CartStatus.Abandoned && c.ReminderCheckedAt == null)
                .Where(c => c.AbandonedAt > lastAt || (c.AbandonedAt == lastAt && c.Id > lastId))
                .OrderBy(c => c.AbandonedAt).ThenBy(c => c.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            (lastAt, lastId) = (batch[^1].AbandonedAt!.Value, batch[^1].Id);

            var contexts = await ReminderFactsQuery.LoadAsync(db, batch, cancellationToken);
            var skipped = new List<Cart>();
            var reminders = new List<(Cart Cart, OutboxMessage Message)>();
            foreach (var cart in batch)
            {
                if (!channels.TryGetValue(cart.ChannelId, out var channel)) continue;
                var context = contexts[cart.Id];
                var decision = ReminderEligibility.Evaluate(cart, channel, context.Facts);
                if (!decision.IsEligible)
                {
                    skipped.Add(cart);
                    continue;
                }
                var template = await TemplateForAsync(db, channel, cancellationToken);
                reminders.Add((cart, await composer.ComposeAsync(template, cart, channel, decision.Recipient!, context.CustomerName, now)));
            }

            var written = await WriteBatchAsync(db, skipped, reminders, now, cancellationToken)
                ?? await WriteOneByOneAsync(skipped, reminders, now, cancellationToken);
            queued += written.Queued;
            ineligible += written.Ineligible;
            if (batch.Count < batchSize) break;
        }
        return (queued, ineligible);
    }

    /// <summary>Read once per run and channel: every batch of the run renders from the same parsed template.</summary>
    private async Task<EmailTemplate> TemplateForAsync(CommerceDbContext db, Channel channel, CancellationToken cancellationToken)
    {
        if (!_templates.TryGetValue(channel.Id, out var template))
            _templates[channel.Id] = template = await CartReminderComposer.TemplateForAsync(db, channel, cancellationToken);
        return template;
    }

    /// <summary>
    /// One transaction for the batch. The carts are read again inside it; those still at the version the rules
    /// saw and not yet checked are marked checked (ineligible) or claimed (checked and reminded), by one UPDATE
    /// per version, and the claimed carts' reminders are inserted. Each UPDATE is a compare-and-swap on the
    /// version for its set: versions only grow, so if it changed as many rows as it named, it changed exactly
    /// those. SQLite's write lock (taken at BEGIN) makes that certain; elsewhere a cart changed by another node in
    /// between makes the counts differ, and the batch is rolled back and settled cart by cart (null). A cart
    /// changed since the rules saw it (a push, a manager) is left unchecked for the next run to read afresh.
    /// </summary>
    private static async Task<(int Queued, int Ineligible)?> WriteBatchAsync(
        CommerceDbContext db, List<Cart> skipped, List<(Cart Cart, OutboxMessage Message)> reminders, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = skipped.Concat(reminders.Select(r => r.Cart)).Select(c => c.Id).ToList();
        // By primary key alone, then filtered here: a condition on status or check time would let SQLite pick
        // IX_Carts_ReminderUnchecked and walk every unchecked cart for each batch.
        var current = await db.Carts.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Version, c.ReminderCheckedAt, c.ReminderSentAt })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        bool Unchanged(Cart cart) => current.TryGetValue(cart.Id, out var row) && row.Version == cart.Version
            && row.ReminderCheckedAt is null && row.ReminderSentAt is null;

        var ineligible = skipped.Where(Unchanged).ToList();
        var claims = reminders.Where(r => Unchanged(r.Cart)).ToList();
        if (await SetCheckedAsync(db, ineligible, now, reminded: false, cancellationToken) != ineligible.Count
            || await SetCheckedAsync(db, claims.Select(r => r.Cart).ToList(), now, reminded: true, cancellationToken) != claims.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        var queued = await OutboxWriter.EnqueueManyAsync(db, claims.Select(r => r.Message).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (queued, ineligible.Count);
    }

    /// <summary>
    /// Sets the check time (and the reminder time) of carts still at the version the rules saw, one UPDATE per
    /// version. Every write to a cart bumps its version (SaveChanges does; these claims, the marking step and
    /// manual sends do it themselves), so the version alone is the compare: the statement names only the primary
    /// key and the version, leaving SQLite no index over all unchecked carts to wander along.
    /// </summary>
    private static async Task<int> SetCheckedAsync(CommerceDbContext db, List<Cart> carts, DateTime now, bool reminded, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var sameVersion in carts.GroupBy(c => c.Version))
        {
            var version = sameVersion.Key;
            var ids = sameVersion.Select(c => c.Id).ToList();
            var unchanged = db.Carts.Where(c => ids.Contains(c.Id) && c.Version == version);
            changed += reminded
                ? await unchanged.ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.ReminderCheckedAt, now)
                    .SetProperty(c => c.ReminderSentAt, now)
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken)
                : await unchanged.ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.ReminderCheckedAt, now)
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }
        return changed;
    }

    /// <summary>The contended path: each cart claimed by its own compare-and-swap, as a manual send does.</summary>
    private async Task<(int Queued, int Ineligible)> WriteOneByOneAsync(
        List<Cart> skipped, List<(Cart Cart, OutboxMessage Message)> reminders, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ineligible = 0;
        foreach (var cart in skipped)
            ineligible += await SetCheckedAsync(db, [cart], now, reminded: false, cancellationToken);
        var queued = 0;
        foreach (var (cart, message) in reminders)
            if (await SetCheckedAsync(db, [cart], now, reminded: true, cancellationToken) == 1 && await OutboxWriter.EnqueueAsync(db, message, cancellationToken))
                queued++;
        await transaction.CommitAsync(cancellationToken);
        return (queued, ineligible);
    }
}
