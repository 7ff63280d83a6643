using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Orders.Placed;

/// <summary>
/// A new storefront order (Incoming) queues its confirmation to the customer, once per order: the event is raised
/// only when the order is first stored, and the dedupe key holds if it ever came again.
/// </summary>
public sealed class SendOrderConfirmation(IOptions<EmailOptions> options, TimeProvider time, ILogger<SendOrderConfirmation> logger)
    : IDomainEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced placed, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = placed.Order;
        if (order.Status != OrderStatuses.Incoming) return;
        var email = await PlacedOrderEmail.LoadAsync(db, order, options.Value, cancellationToken);
        if (email.CustomerAddress is not { } to) return;
        await TemplatedEmailQueue.AddAsync(db, EmailTemplateKeys.OrderConfirmation, to, email.Model,
            PlacedOrderEmail.ConfirmationKey(order), time.GetUtcNow().UtcDateTime, logger, cancellationToken);
    }
}
