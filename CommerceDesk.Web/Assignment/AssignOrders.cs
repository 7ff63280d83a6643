using CommerceDesk.Data;
using CommerceDesk.Web.Orders.MassActions;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>
/// "Assign to…" on the order page and on the picked rows of the grid: each order is loaded and saved on its own, so one
/// order changed meanwhile (its version moved on) is read again and assigned, and never blocks the others.
/// </summary>
public sealed class AssignOrders(IDbContextFactory<CommerceDbContext> factory, ILogger<AssignOrders> logger)
{
    private const int Attempts = 3;

    /// <param name="userId">The user to give the orders to; null takes them off whoever has them.</param>
    public async Task<MassChangeReport> RunAsync(IReadOnlyCollection<long> orderIds, string? userId, CancellationToken ct = default)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (userId is not null && (await AssignableUsers.ActiveAsync(db, [userId], ct)).Count == 0)
                return new MassChangeReport("Assigned", 0, ["That user is disabled or no longer exists; choose another."]);
        }
        var done = 0;
        var refusals = new List<string>();
        foreach (var id in orderIds.Distinct())
        {
            if (await AssignOneAsync(id, userId, ct) is { } refusal) refusals.Add(refusal);
            else done++;
        }
        return new MassChangeReport(userId is null ? "Unassigned" : "Assigned", done, refusals);
    }

    private async Task<string?> AssignOneAsync(long orderId, string? userId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
            if (order is null) return $"Order #{orderId} no longer exists.";
            if (!order.AssignTo(userId)) return null;
            try
            {
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                logger.LogInformation("Order {OrderId} changed while being assigned; trying again", orderId);
            }
            catch (DbUpdateConcurrencyException)
            {
                return $"{order.Number}: it keeps changing; try again.";
            }
        }
    }
}
