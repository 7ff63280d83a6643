using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Orders.Placed;

/// <summary>
/// A new storefront order (Incoming) e-mails staff at <c>Email:StaffAddress</c>, once per order; nothing is sent
/// while no address is configured.
/// </summary>
public sealed class NotifyStaffOfNewOrder(IOptions<EmailOptions> options, TimeProvider time, ILogger<NotifyStaffOfNewOrder> logger)
    : IDomainEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced placed, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = placed.Order;
        if (string.IsNullOrWhiteSpace(options.Value.StaffAddress) || order.Status != OrderStatuses.Incoming) return;
        var email = await PlacedOrderEmail.LoadAsync(db, order, options.Value, cancellationToken);
        await TemplatedEmailQueue.AddAsync(db, EmailTemplateKeys.StaffNewOrder, options.Value.StaffAddress.Trim(), email.Model,
            PlacedOrderEmail.StaffNoticeKey(order), time.GetUtcNow().UtcDateTime, logger, cancellationToken);
    }
}
