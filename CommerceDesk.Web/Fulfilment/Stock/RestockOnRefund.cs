using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Web.Fulfilment.Stock;

/// <summary>A refunded order gives its stock back: what is still reserved is released, what was shipped returns on hand.</summary>
public sealed class RestockOnRefund(TimeProvider time) : IDomainEventHandler<OrderRefunded>
{
    public async Task HandleAsync(OrderRefunded refunded, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = refunded.Order;
        if (await OrderDeliveries.FindAsync(db, order, cancellationToken) is not { } delivery) return;
        var now = time.GetUtcNow().UtcDateTime;
        await StockLedger.BookAsync(db, order.ChannelId, delivery.Refund(now), order.Lines, order.Currency, now, cancellationToken);
    }
}
