using System.Security.Cryptography;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Fulfilment;

namespace CommerceDesk.Domain.Orders;

public sealed partial class Order
{
    /// <summary>32 random bytes, base64url: 43 characters.</summary>
    public const int TrackingTokenMaxLength = 64;

    /// <summary>
    /// The key of the order's public tracking page (<c>/track/{token}</c>), unguessable: 32 random bytes. Stored as is
    /// (unique) so every e-mail can carry the link again; the page it opens shows nothing about the customer.
    /// </summary>
    public string? TrackingToken { get; private set; }

    private void IssueTrackingToken() => TrackingToken ??= Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The delivery's ship step is done: the order moves to Completed / On transit through the status lifecycle (recorded
    /// in its history, its actions run) and <see cref="OrderShipped"/> is raised. The warehouse's fact decides, so the move
    /// is made even where the admin's "may move to" list would not offer it to a manager.
    /// </summary>
    public OrderStatusChange? RecordShipment(Delivery delivery, OrderStatusRules rules, Actor actor, DateTime now)
    {
        if (delivery.OrderId != Id || delivery.ShippedAt is not { } shippedAt)
            throw new InvalidOperationException("Record the shipment of this order's shipped delivery.");
        var change = MoveForDelivery(OrderStatuses.OnTransit, rules, actor, $"Shipped with {delivery.CarrierName}, tracking number {delivery.TrackingNumber}.", now);
        Raise(new OrderShipped(this, delivery.CarrierName!, delivery.TrackingNumber!, shippedAt));
        return change;
    }

    /// <summary>The carrier delivered the parcel: the order moves to Completed / Delivered and <see cref="OrderDelivered"/> is raised.</summary>
    public OrderStatusChange? RecordDelivery(Delivery delivery, OrderStatusRules rules, Actor actor, DateTime now)
    {
        if (delivery.OrderId != Id || delivery.DeliveredAt is not { } deliveredAt)
            throw new InvalidOperationException("Record the delivery of this order's delivered delivery.");
        var change = MoveForDelivery(OrderStatuses.Delivered, rules, actor, null, now);
        Raise(new OrderDelivered(this, deliveredAt));
        return change;
    }

    /// <summary>Moves to <paramref name="code"/> as <see cref="ChangeStatus"/> does, unless the order is there already.</summary>
    private OrderStatusChange? MoveForDelivery(string code, OrderStatusRules rules, Actor actor, string? note, DateTime now)
    {
        if (CommercialState == CommercialState.Cancelled) throw new DomainException("A cancelled order is not delivered.");
        if (StatusCode == code) return null;
        var to = rules.Find(code) ?? throw new DomainException($"There is no order status '{code}'; restore it on the order lifecycle settings.");
        var from = StatusCode;
        Status = to.ParentCode ?? to.Code;
        SubStatus = to.ParentCode is null ? null : to.Code;
        StatusSequence++;
        var change = new OrderStatusChange(Id, StatusSequence, from, to.Code, actor, note, now);
        Raise(new OrderStatusChanged(this, change));
        return change;
    }
}
