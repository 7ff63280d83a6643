using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Orders.Placed;

/// <summary>
/// A new storefront order (Incoming) e-mails staff at the channel's staff address (else <c>Email:StaffAddress</c>), once
/// per order; nothing is sent while neither is set.
/// </summary>
public sealed class NotifyStaffOfNewOrder(IOptions<EmailOptions> options, TimeProvider time, ILogger<NotifyStaffOfNewOrder> logger)
    : IDomainEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced placed, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = placed.Order;
        if (order.Status != OrderStatuses.Incoming) return;
        var email = await PlacedOrderEmail.LoadAsync(db, order, options.Value, cancellationToken);
        if (email.StaffAddress is not { } staff) return;
        await TemplatedEmailQueue.AddAsync(db, EmailTemplateKeys.StaffNewOrder, staff, email.Model,
            PlacedOrderEmail.StaffNoticeKey(order), time.GetUtcNow().UtcDateTime, logger, cancellationToken);
    }
}
