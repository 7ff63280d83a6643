using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Crm.Sync;

/// <summary>
/// Marks a record's CRM sync pending and (re)queues it, on the caller's context, so it is written by the same save
/// as the change that caused it.
/// </summary>
public static class CrmSyncQueue
{
    public static async Task MarkPendingAsync(CommerceDbContext db, Cart cart, DateTime now, CancellationToken cancellationToken)
    {
        cart.SetCrmSync(cart.CrmSync.MarkPending(now));
        var entry = db.CrmSyncQueue.Local.FirstOrDefault(e => e.Cart == cart || (cart.Id != 0 && e.CartId == cart.Id))
            ?? (cart.Id == 0 ? null : await db.CrmSyncQueue.SingleOrDefaultAsync(e => e.CartId == cart.Id, cancellationToken));
        if (entry is null) db.CrmSyncQueue.Add(CrmSyncQueueEntry.ForCart(cart, now));
        else entry.Requeue(now);
    }

    public static async Task MarkPendingAsync(CommerceDbContext db, Order order, DateTime now, CancellationToken cancellationToken)
    {
        order.SetCrmSync(order.CrmSync.MarkPending(now));
        var entry = db.CrmSyncQueue.Local.FirstOrDefault(e => e.Order == order || (order.Id != 0 && e.OrderId == order.Id))
            ?? (order.Id == 0 ? null : await db.CrmSyncQueue.SingleOrDefaultAsync(e => e.OrderId == order.Id, cancellationToken));
        if (entry is null) db.CrmSyncQueue.Add(CrmSyncQueueEntry.ForOrder(order, now));
        else entry.Requeue(now);
    }
}
