using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Web.Fulfilment.Stock;

/// <summary>A cancelled order's reserved quantities become available again and its delivery is cancelled; an order never confirmed had none.</summary>
public sealed class ReleaseStockOnCancellation(TimeProvider time) : IDomainEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled cancelled, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = cancelled.Order;
        if (await OrderDeliveries.FindAsync(db, order, cancellationToken) is not { } delivery) return;
        var now = time.GetUtcNow().UtcDateTime;
        await StockLedger.BookAsync(db, order.ChannelId, delivery.Cancel(now), order.Lines, order.Currency, now, cancellationToken);
    }
}
