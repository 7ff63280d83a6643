using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Reminders;

/// <summary>
/// The minutely job of DESIGN §6: marks idle carts abandoned, then applies the reminder rules once to every
/// abandoned cart and queues one reminder per eligible cart. Both steps read only through indexes over the
/// carts that are due, and claim each cart with a compare-and-swap, so overlapping runs and several nodes
/// never mark a cart twice or queue a second reminder.
/// </summary>
public sealed class AbandonedCartSweep(
    IDbContextFactory<CommerceDbContext> factory,
    CartReminderComposer composer,
    TimeProvider time,
    ILogger<AbandonedCartSweep> logger)
{
    public const int BatchSize = 200;

    public sealed record Result(int MarkedAbandoned, int RemindersQueued, int Ineligible);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Channel> channels;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);

        var marked = 0;
        foreach (var channel in channels)
            marked += await MarkAbandonedAsync(channel, now, cancellationToken);
        var (queued, ineligible) = await QueueRemindersAsync(channels.ToDictionary(c => c.Id), now, cancellationToken);
        if (marked + queued + ineligible > 0)
            logger.LogInformation("Abandoned-cart sweep: {Marked} abandoned, {Queued} reminders queued, {Ineligible} not eligible.", marked, queued, ineligible);
        return new Result(marked, queued, ineligible);
    }

    /// <summary>
    /// Open carts of the channel idle longer than its delay, read through IX_Carts_OpenByLastActivity. Carts idle
    /// since before the previous run's cut-off were looked at then, so only one delay's worth of look-back is
    /// read again (to catch pushes that arrived late); the rest of the table is never touched.
    /// </summary>
    private async Task<int> MarkAbandonedAsync(Channel channel, DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now - channel.AbandonmentDelay;
        DateTime? from = channel.AbandonmentSweptThrough is { } through ? through - channel.AbandonmentDelay : null;
        var marked = 0;
        DateTime lastAt = DateTime.MinValue;
        long lastId = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            // Ids first, from the index alone (it covers the query); then the carts themselves by primary key.
            var due = await db.Carts
                .Where(c => c.Status == CartStatus.Open && c.ChannelId == channel.Id && c.LastActivityAt <= cutoff)
                .Where(c => from == null || c.LastActivityAt > from)
                .Where(c => c.LastActivityAt > lastAt || (c.LastActivityAt == lastAt && c.Id > lastId))
                .OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.LastActivityAt })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0) break;
            (lastAt, lastId) = (due[^1].LastActivityAt, due[^1].Id);
            var ids = due.Select(d => d.Id).ToList();
            var batch = await db.Carts.Where(c => ids.Contains(c.Id) && c.Status == CartStatus.Open).ToListAsync(cancellationToken);

            var abandoned = batch.Where(c => c.IsAbandonedAt(now, channel.AbandonmentDelay)).ToList();
            foreach (var cart in abandoned) cart.MarkAbandoned(now, channel.AbandonmentDelay);
            try
            {
                // One save for the batch; each cart's Version is checked in its UPDATE.
                await db.SaveChangesAsync(cancellationToken);
                marked += abandoned.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A storefront push or another sweep changed one of them first: settle the batch cart by cart.
                marked += await MarkOneByOneAsync(abandoned.Select(c => c.Id).ToList(), channel, now, cancellationToken);
            }
            if (due.Count < BatchSize) break;
        }

        // Move the channel's watermark forward only (a slower overlapping run must not move it back).
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            await db.Channels
                .Where(c => c.Id == channel.Id && (c.AbandonmentSweptThrough == null || c.AbandonmentSweptThrough < cutoff))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AbandonmentSweptThrough, cutoff), cancellationToken);
        return marked;
    }

    private async Task<int> MarkOneByOneAsync(List<long> cartIds, Channel channel, DateTime now, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var id in cartIds)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var cart = await db.Carts.SingleOrDefaultAsync(c => c.Id == id && c.Status == CartStatus.Open, cancellationToken);
            if (cart is null || !cart.IsAbandonedAt(now, channel.AbandonmentDelay)) continue;
            cart.MarkAbandoned(now, channel.AbandonmentDelay);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                marked++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed again in between: the next run looks at it afresh.
            }
        }
        return marked;
    }

    /// <summary>Abandoned carts not yet checked, read through IX_Carts_ReminderUnchecked; each ends up checked.</summary>
    private async Task<(int Queued, int Ineligible)> QueueRemindersAsync(
        Dictionary<long, Channel> channels, DateTime now, CancellationToken cancellationToken)
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
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            (lastAt, lastId) = (batch[^1].AbandonedAt!.Value, batch[^1].Id);

            var contexts = await ReminderFactsQuery.LoadAsync(db, batch, cancellationToken);
            var templates = new Dictionary<long, Domain.Email.EmailTemplate>();
            var skipped = new List<long>();
            // One transaction for the batch: each claim is still its own compare-and-swap, and a crash leaves no half.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var cart in batch)
            {
                if (!channels.TryGetValue(cart.ChannelId, out var channel)) continue;
                var context = contexts[cart.Id];
                var decision = ReminderEligibility.Evaluate(cart, channel, context.Facts);
                if (!decision.IsEligible)
                {
                    skipped.Add(cart.Id);
                    continue;
                }
                if (!templates.TryGetValue(channel.Id, out var template))
                    templates[channel.Id] = template = await CartReminderComposer.TemplateForAsync(db, channel, cancellationToken);
                var message = await composer.ComposeAsync(template, cart, channel, decision.Recipient!, context.CustomerName, now);
                if (await ClaimAndQueueAsync(db, cart.Id, message, now, cancellationToken)) queued++;
            }

            if (skipped.Count > 0)
                ineligible += await db.Carts
                    .Where(c => skipped.Contains(c.Id) && c.Status == CartStatus.Abandoned && c.ReminderCheckedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderCheckedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (batch.Count < BatchSize) break;
        }
        return (queued, ineligible);
    }

    /// <summary>
    /// Claims the cart (checked and reminded, only if nobody did) and queues its reminder, inside the batch's
    /// transaction: of two runs racing on the same cart exactly one claim succeeds.
    /// </summary>
    private static async Task<bool> ClaimAndQueueAsync(
        CommerceDbContext db, long cartId, Domain.Email.OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        var claimed = await db.Carts
            .Where(c => c.Id == cartId && c.Status == CartStatus.Abandoned && c.ReminderCheckedAt == null && c.ReminderSentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.ReminderCheckedAt, now)
                .SetProperty(c => c.ReminderSentAt, now), cancellationToken);
        if (claimed == 0) return false;
        return await OutboxWriter.EnqueueAsync(db, message, cancellationToken);
    }
}
