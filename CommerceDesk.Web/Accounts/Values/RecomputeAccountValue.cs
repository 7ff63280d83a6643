using System.Globalization;
using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Values;

/// <summary>
/// Keeps the account's lifetime sales value right inside the save that changes an order: a new order, one confirmed
/// as a sales order or cancelled, a refund or a credit memo (stored as a deduction, once per reference). The value is
/// recomputed from the account's saved orders plus the order being saved, so handling an event twice changes nothing.
/// </summary>
public sealed class RecomputeAccountValue :
    IDomainEventHandler<OrderPlaced>, IDomainEventHandler<OrderConfirmed>, IDomainEventHandler<OrderCancelled>,
    IDomainEventHandler<OrderRefunded>, IDomainEventHandler<OrderCreditMemoIssued>
{
    public Task HandleAsync(OrderPlaced placed, CommerceDbContext db, CancellationToken ct) => RecomputeAsync(placed.Order, db, ct);

    public Task HandleAsync(OrderConfirmed confirmed, CommerceDbContext db, CancellationToken ct) => RecomputeAsync(confirmed.Order, db, ct);

    public Task HandleAsync(OrderCancelled cancelled, CommerceDbContext db, CancellationToken ct) => RecomputeAsync(cancelled.Order, db, ct);

    public async Task HandleAsync(OrderRefunded refunded, CommerceDbContext db, CancellationToken ct)
    {
        await DeductAsync(db, new SalesValueDeduction(refunded.Order.Id, DeductionKind.Refund, "Refund", refunded.Amount, refunded.RefundedAt), ct);
        await RecomputeAsync(refunded.Order, db, ct);
    }

    public async Task HandleAsync(OrderCreditMemoIssued issued, CommerceDbContext db, CancellationToken ct)
    {
        var reference = $"{issued.InvoiceNumber} {issued.IssuedAt.ToString("O", CultureInfo.InvariantCulture)}";
        if (reference.Length > SalesValueDeduction.ReferenceMaxLength) reference = reference[..SalesValueDeduction.ReferenceMaxLength];
        await DeductAsync(db, new SalesValueDeduction(issued.Order.Id, DeductionKind.CreditMemo, reference, issued.Amount, issued.IssuedAt), ct);
        await RecomputeAsync(issued.Order, db, ct);
    }

    private static async Task DeductAsync(CommerceDbContext db, SalesValueDeduction deduction, CancellationToken ct)
    {
        bool Same(SalesValueDeduction d) => d.OrderId == deduction.OrderId && d.Kind == deduction.Kind && d.Reference == deduction.Reference;
        if (db.SalesValueDeductions.Local.Any(Same)) return;
        if (await db.SalesValueDeductions.AnyAsync(d => d.OrderId == deduction.OrderId && d.Kind == deduction.Kind && d.Reference == deduction.Reference, ct)) return;
        db.SalesValueDeductions.Add(deduction);
    }

    private static async Task RecomputeAsync(Order order, CommerceDbContext db, CancellationToken ct)
    {
        if (order.CustomerId is not { } customerId) return; // linked to its account when the customer arrives
        var accountId = db.Customers.Local.FirstOrDefault(c => c.Id == customerId)?.AccountId
                        ?? await db.Customers.Where(c => c.Id == customerId).Select(c => c.AccountId).FirstOrDefaultAsync(ct);
        if (accountId is not { } id || await db.Accounts.FindAsync([id], ct) is not { } account) return;

        var (reporting, rates) = await AccountTotals.ReportingRatesAsync(db, ct);
        var saved = order.Id == 0 ? null : (long?)order.Id;
        var sales = (await AccountTotals.SalesOfAsync(db, [id], exceptOrderId: saved, ct))[id].ToList();
        if (order.CommercialState == CommercialState.SalesOrder)
        {
            var givenBack = saved is null ? 0m : (await db.SalesValueDeductions.AsNoTracking().Where(d => d.OrderId == saved)
                .Select(d => d.Amount).ToListAsync(ct)).Sum();
            givenBack += db.ChangeTracker.Entries<SalesValueDeduction>()
                .Where(e => e.State == EntityState.Added && e.Entity.OrderId == order.Id).Sum(e => e.Entity.Amount);
            sales.Add(new OrderSale(order.Id, order.Currency, order.Subtotal.Amount, givenBack));
        }
        account.SetLifetimeSalesValue(LifetimeSalesValue.Of(sales, reporting, rates).Value);
    }
}
