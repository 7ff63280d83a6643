namespace CommerceDesk.Domain.Fulfilment;

/// <summary>Odoo's delivery routes: which warehouse steps an order's delivery goes through before it leaves.</summary>
public enum DeliveryRoute { ShipOnly, PickShip, PickPackShip }

/// <summary>A step of a delivery, in the order they are done. Deliver is the carrier's, recorded by hand.</summary>
public enum DeliveryStep { Pick, Pack, Ship, Deliver }

public static class DeliveryRoutes
{
    public static IReadOnlyList<DeliveryStep> StepsOf(DeliveryRoute route) => route switch
    {
        DeliveryRoute.ShipOnly => [DeliveryStep.Ship],
        DeliveryRoute.PickShip => [DeliveryStep.Pick, DeliveryStep.Ship],
        _ => [DeliveryStep.Pick, DeliveryStep.Pack, DeliveryStep.Ship],
    };

    public static string Describe(DeliveryRoute route) => route switch
    {
        DeliveryRoute.ShipOnly => "Ship only",
        DeliveryRoute.PickShip => "Pick → Ship",
        _ => "Pick → Pack → Ship",
    };
}

/// <summary>What the order's reserved stock became.</summary>
public enum DeliveryStockState { Reserved, Shipped, Released, Returned }
