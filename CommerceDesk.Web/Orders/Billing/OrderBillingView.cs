using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Orders.Billing;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Billing;

/// <summary>What the order page's "Invoices and payments" panel shows and which of its actions apply.</summary>
public sealed record OrderBillingView(
    Order Order, IReadOnlyList<Invoice> Invoices, IReadOnlyList<CreditMemo> CreditMemos, IReadOnlyList<OrderBillingEntry> History)
{
    public OrderSeen Seen => new(Order.Version, Order.BillingSequence, Order.StatusSequence);

    public bool CanConfirmPayment => Order.AwaitsPaymentConfirmation;

    public bool CanInvoice => Order.CommercialState == CommercialState.SalesOrder && !Order.IsRefunded && Order.Uninvoiced > 0m;

    public IReadOnlyList<Invoice> Creditable => Order.IsRefunded ? [] : Invoices.Where(i => i.Creditable > 0m).ToList();

    public bool CanRefund => Order.PaymentStatus == PaymentStatus.Paid && !Order.IsRefunded && Order.RefundableAmount > 0m;

    public static async Task<OrderBillingView?> LoadAsync(CommerceDbContext db, long orderId, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return null;
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.OrderId == orderId).OrderBy(i => i.Id).ToListAsync(ct);
        var memos = await db.CreditMemos.AsNoTracking().Where(c => c.OrderId == orderId).OrderBy(c => c.Id).ToListAsync(ct);
        var history = await db.OrderBillingHistory.AsNoTracking().Where(h => h.OrderId == orderId)
            .OrderByDescending(h => h.Sequence).ToListAsync(ct);
        return new OrderBillingView(order, invoices, memos, history);
    }
}
