using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Reminders;

/// <summary>A manager sends the abandoned-cart reminder by hand, for one cart or many (the grid's mass action).</summary>
public sealed class SendCartReminder(IDbContextFactory<CommerceDbContext> factory, CartReminderComposer composer, TimeProvider time)
{
    public sealed record Outcome(long CartId, bool Queued, string Message);

    public sealed record BulkOutcome(int Queued, IReadOnlyList<Outcome> Skipped)
    {
        /// <summary>One line for the grid's snackbar, e.g. "3 reminders queued; 2 skipped: #12 The cart has no customer e-mail address. …".</summary>
        public string Summary => Skipped.Count == 0
            ? $"{Queued} reminder(s) queued."
            : $"{Queued} reminder(s) queued; {Skipped.Count} skipped: " + string.Join(" ", Skipped.Select(s => $"#{s.CartId} {s.Message}"));
    }

    public async Task<Outcome> SendAsync(long cartId, CancellationToken cancellationToken)
    {
        var result = await SendManyAsync([cartId], cancellationToken);
        return result.Skipped.Count > 0 ? result.Skipped[0] : new Outcome(cartId, true, "The reminder is queued and goes out within a minute.");
    }

    /// <summary>Queues a reminder for every cart that may get one; reports the others with the reason.</summary>
    public async Task<BulkOutcome> SendManyAsync(IReadOnlyCollection<long> cartIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = cartIds.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var carts = await db.Carts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var channelIds = carts.Select(c => c.ChannelId).Distinct().ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var contexts = await ReminderFactsQuery.LoadAsync(db, carts, cancellationToken);

        var skipped = ids.Where(id => carts.All(c => c.Id != id))
            .Select(id => new Outcome(id, false, "The cart no longer exists.")).ToList();
        var queued = 0;
        foreach (var cart in carts)
        {
            var context = contexts[cart.Id];
            var decision = ReminderEligibility.EvaluateManual(cart, context.Facts);
            if (!decision.IsEligible)
            {
                skipped.Add(new Outcome(cart.Id, false, decision.Reason!));
                continue;
            }
            var message = await composer.ComposeAsync(db, cart, channels[cart.ChannelId], decision.Recipient!, context.CustomerName, now, cancellationToken);
            if (await ClaimAndQueueAsync(db, cart.Id, message, now, cancellationToken)) queued++;
            else skipped.Add(new Outcome(cart.Id, false, "A reminder was already sent for this cart."));
        }
        return new BulkOutcome(queued, skipped);
    }

    private static async Task<bool> ClaimAndQueueAsync(CommerceDbContext db, long cartId, OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Checked too, so the sweep does not look at the cart again; the version moves, as with every write to a
        // cart, so a sweep that read the cart before this does not claim it too.
        var claimed = await db.Carts
            .Where(c => c.Id == cartId && c.ReminderSentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.ReminderSentAt, now)
                .SetProperty(c => c.ReminderCheckedAt, c => c.ReminderCheckedAt ?? now)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (claimed == 0 || !await OutboxWriter.EnqueueAsync(db, message, cancellationToken)) return false;
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
