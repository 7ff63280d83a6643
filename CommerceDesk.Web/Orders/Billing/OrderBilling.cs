using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Orders.Billing;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Billing;

/// <summary>
/// The order page's money actions: confirm an offline payment, invoice, credit memo, full refund. Each loads the order
/// on a fresh context, lets the domain decide, and saves the order, its documents, its history lines and whatever the
/// raised events set off in one save. The order's version is the concurrency token: of two managers at once one wins
/// and the other is told who changed the order. Invoice and credit memo numbers are unique; a number another order
/// took meanwhile is retried with the next one.
/// </summary>
public sealed class OrderBilling(IDbContextFactory<CommerceDbContext> factory, TimeProvider time, ILogger<OrderBilling> logger)
{
    private const int NumberAttempts = 5;

    public Task<BillingOutcome> ConfirmPaymentAsync(long orderId, Actor actor, OrderSeen seen, CancellationToken ct = default) =>
        RunAsync(orderId, seen, (db, order, now) =>
        {
            db.OrderBillingHistory.Add(order.ConfirmPayment(actor, now));
            return Task.FromResult("Payment confirmed: the order is now a sales order.");
        }, ct);

    /// <param name="amount">The amount to invoice; null invoices what is still uninvoiced.</param>
    public Task<BillingOutcome> InvoiceAsync(long orderId, DateTime invoiceDate, decimal? amount, Actor actor, OrderSeen seen, CancellationToken ct = default) =>
        RunAsync(orderId, seen, async (db, order, now) =>
        {
            var date = DateTime.SpecifyKind(invoiceDate.Date, DateTimeKind.Utc);
            var next = await db.Invoices.Where(i => i.Year == date.Year).MaxAsync(i => (int?)i.Sequence, ct) ?? 0;
            var (invoice, entry) = order.RecordInvoice(DocumentNumber.Invoice(date.Year, next + 1), date, amount ?? order.Uninvoiced, actor, now);
            db.Invoices.Add(invoice);
            db.OrderBillingHistory.Add(entry);
            return $"Invoice {invoice.Number} recorded.";
        }, ct);

    public Task<BillingOutcome> IssueCreditMemoAsync(long orderId, long invoiceId, decimal amount, string? reason, Actor actor, OrderSeen seen, CancellationToken ct = default) =>
        RunAsync(orderId, seen, async (db, order, now) =>
        {
            var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId && i.OrderId == orderId, ct)
                ?? throw new DomainException("Choose one of this order's invoices.");
            var next = await db.CreditMemos.Where(c => c.Year == now.Year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
            var (memo, entry) = order.IssueCreditMemo(invoice, DocumentNumber.CreditMemo(now.Year, next + 1), amount, reason, actor, now);
            db.CreditMemos.Add(memo);
            db.OrderBillingHistory.Add(entry);
            return $"Credit memo {memo.Number} recorded.";
        }, ct);

    public Task<BillingOutcome> RefundAsync(long orderId, string? reason, Actor actor, OrderSeen seen, CancellationToken ct = default) =>
        RunAsync(orderId, seen, async (db, order, now) =>
        {
            var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct));
            var (change, entry) = order.Refund(reason, rules, actor, now);
            db.OrderStatusHistory.Add(change);
            db.OrderBillingHistory.Add(entry);
            return "The order was refunded in full.";
        }, ct);

    private async Task<BillingOutcome> RunAsync(
        long orderId, OrderSeen seen, Func<CommerceDbContext, Order, DateTime, Task<string>> act, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
                if (order is null) return new BillingOutcome(BillingResult.NotFound, "This order no longer exists.");
                if (order.Version != seen.Version) return BillingOutcome.Conflict(await WhoChangedAsync(orderId, seen, ct));
                string message;
                try
                {
                    message = await act(db, order, time.GetUtcNow().UtcDateTime);
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
                // Another manager saved this order first, or another order took the document number: only the latter retries.
                if (DbErrors.IsUniqueViolation(e) && attempt < NumberAttempts && await VersionIsAsync(orderId, seen.Version, ct)) continue;
                logger.LogInformation("A billing action on order {OrderId} lost a race", orderId);
                return BillingOutcome.Conflict(await WhoChangedAsync(orderId, seen, ct));
            }
        }
    }

    private async Task<bool> VersionIsAsync(long orderId, int version, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Orders.AnyAsync(o => o.Id == orderId && o.Version == version, ct);
    }

    /// <summary>The latest person on either history since the manager looked; the storefront or a workflow step otherwise.</summary>
    private async Task<string> WhoChangedAsync(long orderId, OrderSeen seen, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var billing = await db.OrderBillingHistory.Where(h => h.OrderId == orderId && h.Sequence > seen.BillingSequence)
            .OrderByDescending(h => h.Sequence).Select(h => new { h.By, h.At }).FirstOrDefaultAsync(ct);
        var status = await db.OrderStatusHistory.Where(h => h.OrderId == orderId && h.Sequence > seen.StatusSequence)
            .OrderByDescending(h => h.Sequence).Select(h => new { By = h.ChangedBy, At = h.ChangedAt }).FirstOrDefaultAsync(ct);
        var latest = new[] { billing, status }.Where(x => x is not null).OrderByDescending(x => x!.At).FirstOrDefault();
        return latest?.By ?? "the storefront or a workflow step";
    }
}
