using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Stock;

/// <summary>
/// A confirmed order (paid online, or an offline payment confirmed by hand) gets its delivery with the route the
/// warehouse settings name, and its quantities are reserved, in the save that confirmed it. An order awaiting an
/// offline payment reserves nothing. Once per order: a delivery already there (this save or stored) means done.
/// </summary>
public sealed class ReserveStockOnConfirmation(TimeProvider time) : IDomainEventHandler<OrderConfirmed>
{
    public async Task HandleAsync(OrderConfirmed confirmed, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = confirmed.Order;
        if (await OrderDeliveries.FindAsync(db, order, cancellationToken) is not null) return;
        var route = await db.FulfilmentSettings.AsNoTracking().Where(s => s.Id == FulfilmentSettings.SingletonId)
            .Select(s => (DeliveryRoute?)s.Route).SingleOrDefaultAsync(cancellationToken) ?? FulfilmentSettings.DefaultRoute;
        var now = time.GetUtcNow().UtcDateTime;
        var delivery = Delivery.ForConfirmed(order, route, now);
        db.Deliveries.Add(delivery);
        await StockLedger.BookAsync(db, order.ChannelId, delivery.Reservation, order.Lines, order.Currency, now, cancellationToken);
    }
}
