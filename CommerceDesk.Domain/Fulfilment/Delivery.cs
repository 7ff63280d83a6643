using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Domain.Fulfilment;

/// <summary>
/// The delivery of a confirmed order (Odoo's delivery order): the quantities reserved for it, the warehouse steps of
/// its route done one after another (pick, pack, ship), then the carrier's delivery. It is also the order's stock
/// record: each move returns the <see cref="StockMovement"/>s it causes, for the stock ledger to book.
/// </summary>
public sealed class Delivery : Entity, IVersioned
{
    public const int TrackingNumberMaxLength = 100;
    public const int TrackingUrlMaxLength = 1000;

    private readonly List<DeliveryLine> _lines = [];

    private Delivery() { }

    private Delivery(Order order, DeliveryRoute route, DateTime now)
    {
        Order = order;
        OrderId = order.Id;
        ChannelId = order.ChannelId;
        Route = route;
        CreatedAt = Guard.Utc(now);
        // What is reserved is kept here: a later storefront push changing the order's lines leaves the stock booked as it was.
        _lines.AddRange(order.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new DeliveryLine(g.Key, g.First().Name, g.Sum(l => l.Quantity))));
        StockState = DeliveryStockState.Reserved;
    }

    /// <summary>A confirmed order's delivery, reserving its quantities; see <see cref="Reservation"/>.</summary>
    public static Delivery ForConfirmed(Order order, DeliveryRoute route, DateTime now)
    {
        if (order.CommercialState != CommercialState.SalesOrder)
            throw new DomainException("Only a confirmed order (a sales order) gets a delivery.");
        return new Delivery(order, route, now);
    }

    // Lets the save link a delivery to an order inserted by the same save (the order has no id before).
    private Order? Order { get; set; }

    public long OrderId { get; private set; }
    public long ChannelId { get; private set; }
    public DeliveryRoute Route { get; private set; }
    public IReadOnlyList<DeliveryLine> Lines => _lines;
    public DateTime CreatedAt { get; private set; }
    public DeliveryStockState StockState { get; private set; }
    public DateTime? PickedAt { get; private set; }
    public string? PickedBy { get; private set; }
    public DateTime? PackedAt { get; private set; }
    public string? PackedBy { get; private set; }
    public DateTime? ShippedAt { get; private set; }
    public string? ShippedBy { get; private set; }
    public string? CarrierName { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? TrackingUrl { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public string? DeliveredBy { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<DeliveryStep> Steps => DeliveryRoutes.StepsOf(Route);

    public bool IsCancelled => CancelledAt is not null;

    public bool IsDone(DeliveryStep step) => step switch
    {
        DeliveryStep.Pick => PickedAt is not null,
        DeliveryStep.Pack => PackedAt is not null,
        DeliveryStep.Ship => ShippedAt is not null,
        _ => DeliveredAt is not null,
    };

    /// <summary>The one step that may be done now: the route's first open step, then Deliver; null when delivered or cancelled.</summary>
    public DeliveryStep? NextStep =>
        IsCancelled ? null : Steps.Append(DeliveryStep.Deliver).Cast<DeliveryStep?>().FirstOrDefault(s => !IsDone(s!.Value));

    /// <summary>The stock the order takes when confirmed: its quantities reserved.</summary>
    public IReadOnlyList<StockMovement> Reservation => _lines.Select(l => new StockMovement(l.Sku, l.Quantity, 0)).ToList();

    public void Pick(Actor actor, DateTime now)
    {
        Expect(DeliveryStep.Pick);
        (PickedAt, PickedBy) = (Guard.Utc(now), actor.Name);
    }

    public void Pack(Actor actor, DateTime now)
    {
        Expect(DeliveryStep.Pack);
        (PackedAt, PackedBy) = (Guard.Utc(now), actor.Name);
    }

    /// <summary>The parcel leaves with <paramref name="carrier"/>: the reserved quantities leave the shelf (on hand and reserved both go down).</summary>
    public IReadOnlyList<StockMovement> Ship(Carrier carrier, string trackingNumber, Actor actor, DateTime now)
    {
        Expect(DeliveryStep.Ship);
        var number = Guard.Required(trackingNumber, "Tracking number", TrackingNumberMaxLength);
        if (number.Any(char.IsControl)) throw new DomainException("The tracking number cannot contain line breaks or tabs.");
        (ShippedAt, ShippedBy) = (Guard.Utc(now), actor.Name);
        CarrierName = carrier.Name;
        TrackingNumber = number;
        // The link as it was when shipped: a carrier's template edited later does not move old parcels.
        TrackingUrl = Guard.Required(carrier.TrackingUrlFor(number), "Tracking URL", TrackingUrlMaxLength);
        StockState = DeliveryStockState.Shipped;
        return _lines.Select(l => new StockMovement(l.Sku, -l.Quantity, -l.Quantity)).ToList();
    }

    public void MarkDelivered(Actor actor, DateTime now)
    {
        Expect(DeliveryStep.Deliver);
        (DeliveredAt, DeliveredBy) = (Guard.Utc(now), actor.Name);
    }

    /// <summary>The order was cancelled: what is still reserved goes back to available. A shipped parcel stays shipped.</summary>
    public IReadOnlyList<StockMovement> Cancel(DateTime now)
    {
        if (StockState != DeliveryStockState.Reserved) return [];
        CancelledAt = Guard.Utc(now);
        StockState = DeliveryStockState.Released;
        return _lines.Select(l => new StockMovement(l.Sku, -l.Quantity, 0)).ToList();
    }

    /// <summary>The order was refunded: what is still reserved is released; what was shipped comes back on hand.</summary>
    public IReadOnlyList<StockMovement> Refund(DateTime now)
    {
        switch (StockState)
        {
            case DeliveryStockState.Reserved:
                return Cancel(now);
            case DeliveryStockState.Shipped:
                StockState = DeliveryStockState.Returned;
                return _lines.Select(l => new StockMovement(l.Sku, 0, l.Quantity)).ToList();
            default:
                return [];
        }
    }

    private void Expect(DeliveryStep step)
    {
        if (IsCancelled) throw new DomainException("This delivery was cancelled with its order.");
        if (IsDone(step)) throw new DomainException($"This delivery is {Describe(step, done: true)} already.");
        if (NextStep is { } next && next != step)
            throw new DomainException($"{Describe(next, done: false)} the order first: the delivery's steps are {DeliveryRoutes.Describe(Route)}.");
        if (step != DeliveryStep.Deliver && !Steps.Contains(step))
            throw new DomainException($"This delivery's route ({DeliveryRoutes.Describe(Route)}) has no {step} step.");
    }

    private static string Describe(DeliveryStep step, bool done) => (step, done) switch
    {
        (DeliveryStep.Pick, false) => "Pick",
        (DeliveryStep.Pack, false) => "Pack",
        (DeliveryStep.Ship, false) => "Ship",
        (DeliveryStep.Deliver, false) => "Deliver",
        (DeliveryStep.Pick, true) => "picked",
        (DeliveryStep.Pack, true) => "packed",
        (DeliveryStep.Ship, true) => "shipped",
        _ => "delivered",
    };
}

/// <summary>One product of a delivery and the quantity reserved for it.</summary>
public sealed class DeliveryLine
{
    private DeliveryLine() { }

    internal DeliveryLine(string sku, string name, int quantity) => (Sku, Name, Quantity) = (sku, name, quantity);

    public long Id { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Quantity { get; private set; }
}
