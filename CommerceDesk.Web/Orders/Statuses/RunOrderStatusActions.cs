using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Outbox;
using CommerceDesk.Web.Orders.Placed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>
/// Runs the actions of the status an order reached, inside the save that moved it: the customer e-mail with the
/// status's template and the staff e-mail to the channel's staff address (else <c>Email:StaffAddress</c>). Each is keyed by the order and its history
/// line's sequence, so a retried save or a second node never queues it twice.
/// </summary>
public sealed class RunOrderStatusActions(IOptions<EmailOptions> options, TimeProvider time, ILogger<RunOrderStatusActions> logger)
    : IDomainEventHandler<OrderStatusChanged>
{
    public static string CustomerKey(OrderStatusChange change) => $"order-status:{change.OrderId}:{change.ToCode}:{change.Sequence}";

    public static string StaffKey(OrderStatusChange change) => $"order-status:{change.OrderId}:{change.ToCode}:{change.Sequence}:staff";

    public async Task HandleAsync(OrderStatusChanged changed, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var (order, change) = changed;
        var definitions = await db.OrderStatusDefinitions.AsNoTracking()
            .Where(d => d.Code == order.Status || d.Code == order.SubStatus).ToListAsync(cancellationToken);
        var reached = definitions.SingleOrDefault(d => d.Code == change.ToCode);
        if (reached is null || (reached.CustomerTemplateKey is null && !reached.EmailStaff)) return;

        var email = await PlacedOrderEmail.LoadAsync(db, order, options.Value, cancellationToken,
            definitions.SingleOrDefault(d => d.Code == order.Status)?.Name,
            order.SubStatus is null ? null : definitions.SingleOrDefault(d => d.Code == order.SubStatus)?.Name);
        var now = time.GetUtcNow().UtcDateTime;
        if (reached.CustomerTemplateKey is { } template && email.CustomerAddress is { } to)
            await TemplatedEmailQueue.AddAsync(db, template, to, email.Model, CustomerKey(change), now, logger, cancellationToken);
        if (reached.EmailStaff && email.StaffAddress is { } staff)
            await TemplatedEmailQueue.AddAsync(db, EmailTemplateKeys.StaffOrderStatus, staff, email.Model,
                StaffKey(change), now, logger, cancellationToken);
    }
}
