using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Orders.Billing;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Returns;

/// <summary>
/// A manager accepts a return request (the order moves to Refund requested; the refund follows on the order page) or
/// refuses it with a reason. The request's version guards it (and the order's version the status move): of two managers
/// at once one decides, the other is told who did. The customer's e-mail is queued in the same save.
/// </summary>
public sealed class ReturnDecisions(IDbContextFactory<CommerceDbContext> factory, TimeProvider time, ILogger<ReturnDecisions> logger)
{
    public Task<BillingOutcome> AcceptAsync(long requestId, Actor actor, int expectedVersion, CancellationToken ct = default) =>
        RunAsync(requestId, expectedVersion, async (db, request, now) =>
        {
            var order = await db.Orders.SingleAsync(o => o.Id == request.OrderId, ct);
            var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct));
            if (request.Accept(order, rules, actor, now) is { } change) db.OrderStatusHistory.Add(change);
            return $"Return accepted: order {order.Number} is now Refund requested. Refund it once the goods are back.";
        }, ct);

    public Task<BillingOutcome> RefuseAsync(long requestId, string? reason, Actor actor, int expectedVersion, CancellationToken ct = default) =>
        RunAsync(requestId, expectedVersion, (_, request, now) =>
        {
            request.Refuse(reason, actor, now);
            return Task.FromResult("Return refused; the customer is e-mailed the reason.");
        }, ct);

    private async Task<BillingOutcome> RunAsync(
        long requestId, int expectedVersion, Func<CommerceDbContext, Domain.Returns.ReturnRequest, DateTime, Task<string>> decide, CancellationToken ct)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var request = await db.ReturnRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null) return new BillingOutcome(BillingResult.NotFound, "This return request no longer exists.");
            if (request.Version != expectedVersion) return BillingOutcome.Conflict(await WhoAsync(requestId, ct));
            string message;
            try
            {
                message = await decide(db, request, time.GetUtcNow().UtcDateTime);
            }
            catch (DomainException e)
            {
                return BillingOutcome.Refused(e.Message);
            }
            await db.SaveChangesAsync(ct);
            return BillingOutcome.Done(message);
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            logger.LogInformation("A decision on return request {RequestId} lost a race", requestId);
            return BillingOutcome.Conflict(await WhoAsync(requestId, ct));
        }
    }

    private async Task<string> WhoAsync(long requestId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var by = await db.ReturnRequests.Where(r => r.Id == requestId).Select(r => r.DecidedBy).SingleOrDefaultAsync(ct);
        return by ?? "someone else";
    }
}
