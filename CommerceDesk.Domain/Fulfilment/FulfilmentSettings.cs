using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Fulfilment;

/// <summary>The warehouse's settings, one row: the route every new delivery takes.</summary>
public sealed class FulfilmentSettings : Entity, IVersioned
{
    public const long SingletonId = 1;

    private FulfilmentSettings() { }

    public FulfilmentSettings(DeliveryRoute route)
    {
        Id = SingletonId;
        Route = route;
    }

    /// <summary>What a shop gets until an admin chooses: one step, as Odoo's default warehouse.</summary>
    public static DeliveryRoute DefaultRoute => DeliveryRoute.ShipOnly;

    public DeliveryRoute Route { get; private set; }
    public int Version { get; private set; }

    /// <summary>Deliveries already created keep their steps; only new ones take the new route.</summary>
    public void ChangeRoute(DeliveryRoute route)
    {
        if (!Enum.IsDefined(route)) throw new DomainException("Choose one of the delivery routes.");
        Route = route;
    }
}
