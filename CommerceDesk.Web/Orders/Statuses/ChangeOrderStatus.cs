using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>
/// Moves one order to another status: loads it on a fresh context, lets the domain check the move, saves the order,
/// its history line and the e-mails of the status's actions in one save. Two managers at once: the order's version is
/// the concurrency token (and the history's order + sequence is unique), so one save wins and the other is told who
/// changed the order.
/// </summary>
public sealed class ChangeOrderStatus(IDbContextFactory<CommerceDbContext> factory, TimeProvider time, ILogger<ChangeOrderStatus> logger)
{
    /// <param name="expectedVersion">The order version the manager's choices were computed from.</param>
    /// <param name="expectedSequence">The number of status changes the manager saw, to name who moved it since.</param>
    public async Task<StatusChangeOutcome> RunAsync(
        long orderId, string targetCode, string? note, Actor actor, int expectedVersion, int expectedSequence, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
                if (order is null) return new StatusChangeOutcome(StatusChangeResult.NotFound, "This order no longer exists.");
                if (order.Version != expectedVersion) return StatusChangeOutcome.Conflict(await WhoChangedAsync(orderId, expectedSequence, ct));
                var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct));
                OrderStatusChange change;
                try
                {
                    change = order.ChangeStatus(targetCode, rules, actor, note, time.GetUtcNow().UtcDateTime);
                }
                catch (DomainException e)
                {
                    return new StatusChangeOutcome(StatusChangeResult.Refused, e.Message);
                }
                db.OrderStatusHistory.Add(change);
                await db.SaveChangesAsync(ct);
                return StatusChangeOutcome.Done();
            });
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            logger.LogInformation("Status change of order {OrderId} to {Status} lost a race", orderId, targetCode);
            return StatusChangeOutcome.Conflict(await WhoChangedAsync(orderId, expectedSequence, ct));
        }
    }

    private async Task<string?> WhoChangedAsync(long orderId, int sequenceSeen, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.OrderStatusHistory.Where(h => h.OrderId == orderId && h.Sequence > sequenceSeen)
            .OrderByDescending(h => h.Sequence).Select(h => h.ChangedBy).FirstOrDefaultAsync(ct);
        // No newer status change: the order itself was changed, by a storefront push or a workflow step.
        return latest ?? "the storefront or a workflow step";
    }
}
