using System.Text.Json;
using System.Text.Json.Serialization;
using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Webhooks;

/// <summary>The JSON a channel's status webhook receives (camelCase; absent parts are null).</summary>
public sealed record StatusWebhookPayload(
    Guid EventId, string EventType, string Channel, StatusWebhookPayload.OrderRef Order,
    StatusWebhookPayload.StatusRef Status, StatusWebhookPayload.StatusRef? SubStatus,
    StatusWebhookPayload.ShipmentRef? Shipment, StatusWebhookPayload.RefundRef? Refund, DateTime OccurredAt)
{
    public const string StatusChanged = "order.status_changed";
    public const string Shipped = "order.shipped";
    public const string Refunded = "order.refunded";

    public sealed record OrderRef(string ExternalId, string Number);

    public sealed record StatusRef(string Code, string Name);

    public sealed record ShipmentRef(string Carrier, string TrackingNumber, DateTime ShippedAt);

    public sealed record RefundRef(decimal Amount, string Currency, DateTime RefundedAt);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>
/// Queues a channel's status webhook events in the save that caused them (the outbox pattern): a status change to a
/// status the customer sees, a shipment, a full refund. Each is keyed by what it is about, so a retried save queues it
/// once; the sender job POSTs it later.
/// </summary>
internal static class StatusWebhookQueue
{
    public static async Task AddAsync(CommerceDbContext db, Order order, string eventType, string dedupeKey, DateTime occurredAt,
        StatusWebhookPayload.ShipmentRef? shipment, StatusWebhookPayload.RefundRef? refund, CancellationToken ct)
    {
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == order.ChannelId)
            .Select(c => new { c.Code, c.StatusWebhookUrl }).SingleOrDefaultAsync(ct);
        if (channel?.StatusWebhookUrl is null) return;
        if (db.ChangeTracker.Entries<WebhookDelivery>().Any(e => e.Entity.DedupeKey == dedupeKey)
            || await db.WebhookDeliveries.AnyAsync(d => d.DedupeKey == dedupeKey, ct)) return;

        var definitions = await db.OrderStatusDefinitions.AsNoTracking()
            .Where(d => d.Code == order.Status || d.Code == order.SubStatus).ToListAsync(ct);
        StatusWebhookPayload.StatusRef Ref(string code) => new(code, definitions.FirstOrDefault(d => d.Code == code)?.Name ?? code);

        var eventId = Guid.NewGuid();
        var payload = new StatusWebhookPayload(eventId, eventType, channel.Code, new(order.ExternalId, order.Number),
            Ref(order.Status), order.SubStatus is { } sub ? Ref(sub) : null, shipment, refund, occurredAt);
        db.WebhookDeliveries.Add(new WebhookDelivery(eventId, dedupeKey, order.ChannelId, order.Number, eventType, payload.ToJson(), occurredAt));
    }
}

/// <summary>A status change reaches the webhook when the status reached is one the customer sees.</summary>
public sealed class QueueStatusChangeWebhook : Data.Events.IDomainEventHandler<OrderStatusChanged>
{
    public async Task HandleAsync(OrderStatusChanged changed, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var (order, change) = changed;
        var visible = await db.OrderStatusDefinitions.AsNoTracking().Where(d => d.Code == change.ToCode).Select(d => d.CustomerVisible).FirstOrDefaultAsync(cancellationToken);
        if (!visible) return;
        await StatusWebhookQueue.AddAsync(db, order, StatusWebhookPayload.StatusChanged, $"status:{change.OrderId}:{change.Sequence}",
            change.ChangedAt, null, null, cancellationToken);
    }
}

public sealed class QueueShipmentWebhook : Data.Events.IDomainEventHandler<OrderShipped>
{
    public Task HandleAsync(OrderShipped shipped, CommerceDbContext db, CancellationToken cancellationToken) =>
        StatusWebhookQueue.AddAsync(db, shipped.Order, StatusWebhookPayload.Shipped,
            $"shipped:{shipped.Order.Id}:{WebhookSignature.ShortHash(shipped.TrackingNumber)}", shipped.ShippedAt,
            new(shipped.Carrier, shipped.TrackingNumber, shipped.ShippedAt), null, cancellationToken);
}

public sealed class QueueRefundWebhook : Data.Events.IDomainEventHandler<OrderRefunded>
{
    public Task HandleAsync(OrderRefunded refunded, CommerceDbContext db, CancellationToken cancellationToken) =>
        StatusWebhookQueue.AddAsync(db, refunded.Order, StatusWebhookPayload.Refunded,
            $"refunded:{refunded.Order.Id}:{refunded.RefundedAt.Ticks}", refunded.RefundedAt,
            null, new(refunded.Amount, refunded.Order.Currency, refunded.RefundedAt), cancellationToken);
}
