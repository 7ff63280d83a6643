namespace CommerceDesk.Web.Orders;

/// <summary>The top bar's badge: how many orders are Incoming (DESIGN §5).</summary>
public sealed record NewOrdersState(int Count, bool IsLoaded)
{
    public static NewOrdersState Initial { get; } = new(0, false);
}

/// <summary>An order the storefront just placed.</summary>
public sealed record PlacedOrder(long Id, string Number);

/// <summary>Ask the database for the current count (on circuit start).</summary>
public sealed record LoadNewOrdersCount;

public sealed record NewOrdersCountLoaded(int Count);

/// <summary>Orders were placed somewhere in the app (API, another node's save reaches us through our own saves only).</summary>
public sealed record NewOrdersPlaced(IReadOnlyList<PlacedOrder> Orders);

public static class NewOrdersReducers
{
    public static NewOrdersState CountLoaded(NewOrdersState state, NewOrdersCountLoaded action) =>
        new(Math.Max(0, action.Count), true);

    public static NewOrdersState Placed(NewOrdersState state, NewOrdersPlaced action) =>
        action.Orders.Count == 0 ? state : state with { Count = state.Count + action.Orders.Count };
}
