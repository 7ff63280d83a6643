using CommerceDesk.Data;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Stock;

internal static class OrderDeliveries
{
    /// <summary>The order's delivery, tracked: one this save adds, else the stored one; null for an order never confirmed.</summary>
    public static async Task<Delivery?> FindAsync(CommerceDbContext db, Order order, CancellationToken cancellationToken)
    {
        var local = db.Deliveries.Local.FirstOrDefault(d => d.OrderId == order.Id && order.Id != 0
            || db.Entry(d).Reference("Order").CurrentValue == order);
        if (local is not null || order.Id == 0) return local;
        return await db.Deliveries.SingleOrDefaultAsync(d => d.OrderId == order.Id, cancellationToken);
    }
}
