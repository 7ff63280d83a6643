using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Outbox;
using CommerceDesk.Web.Fulfilment.Stock;
using CommerceDesk.Web.Orders.Placed;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Fulfilment.Deliveries;

/// <summary>
/// "Mark delivered" tells the customer the delivery is done (template <c>delivery-done</c>), once per order: the
/// dedupe key <c>delivery-done:{orderId}</c> holds across retries and nodes.
/// </summary>
public sealed class SendDeliveryDoneEmail(IOptions<EmailOptions> options, TimeProvider time, ILogger<SendDeliveryDoneEmail> logger)
    : IDomainEventHandler<OrderDelivered>
{
    public static string DedupeKey(long orderId) => $"delivery-done:{orderId}";

    public async Task HandleAsync(OrderDelivered delivered, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = delivered.Order;
        var email = await PlacedOrderEmail.LoadAsync(db, order, options.Value, cancellationToken);
        if (email.CustomerAddress is not { } to) return;
        var delivery = await OrderDeliveries.FindAsync(db, order, cancellationToken);
        var model = new Dictionary<string, object?>(email.Model)
        {
            ["delivery"] = new Dictionary<string, object?>
            {
                ["carrier"] = delivery?.CarrierName,
                ["tracking_number"] = delivery?.TrackingNumber,
                ["tracking_url"] = delivery?.TrackingUrl,
                ["delivered_at"] = delivered.DeliveredAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC",
            },
        };
        await TemplatedEmailQueue.AddAsync(db, EmailTemplateKeys.DeliveryDone, to, model, DedupeKey(order.Id),
            time.GetUtcNow().UtcDateTime, logger, cancellationToken);
    }
}
