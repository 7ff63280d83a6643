using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Web.Email.Reminders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Carts.Abandonment;

/// <summary>
/// The minutely job of DESIGN §6: marks idle carts abandoned, then applies the reminder rules once to every
/// abandoned cart and queues one reminder per eligible cart. Both steps read only through indexes over the
/// carts that are due and write a whole batch with a few set-based statements, each a compare-and-swap, so
/// overlapping runs and several nodes never mark a cart twice or queue a second reminder.
/// </summary>
public sealed class AbandonedCartSweep(
    IDbContextFactory<CommerceDbContext> factory,
    CartReminderComposer composer,
    TimeProvider time,
    ILogger<AbandonedCartSweep> logger)
{
    public const int DefaultBatchSize = 500;

    public sealed record Result(int MarkedAbandoned, int RemindersQueued, int Ineligible);

    /// <summary>Carts read, marked and queued per round trip; tests use small batches to cross batch boundaries.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Channel> channels;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);

        var marker = new AbandonedCartMarker(factory, BatchSize);
        var marked = 0;
        foreach (var channel in channels)
            marked += await marker.MarkAsync(channel, now, cancellationToken);
        var (queued, ineligible) = await new CartReminderQueue(factory, composer, BatchSize)
            .QueueAsync(channels.ToDictionary(c => c.Id), now, cancellationToken);
        if (marked + queued + ineligible > 0)
            logger.LogInformation("Abandoned-cart sweep: {Marked} abandoned, {Queued} reminders queued, {Ineligible} not eligible.", marked, queued, ineligible);
        return new Result(marked, queued, ineligible);
    }
}
