namespace CommerceDesk.Web.Store.NewOrders;

/// <summary>The top bar's badge: how many orders are Incoming (DESIGN §5).</summary>
public sealed record NewOrdersState(int Count, bool IsLoaded);

/// <summary>An order the storefront just placed.</summary>
public sealed record PlacedOrder(long Id, string Number);

/// <summary>Ask the database for the current count (on circuit start).</summary>
public sealed record LoadNewOrdersCount;

public sealed record NewOrdersCountLoaded(int Count);

/// <summary>Orders were placed somewhere in the app (API, another node's save reaches us through our own saves only).</summary>
public sealed record NewOrdersPlaced(IReadOnlyList<PlacedOrder> Orders);

public sealed class NewOrdersFeature : Feature<NewOrdersState>
{
    public override string GetName() => "NewOrders";

    public override NewOrdersState GetInitialState() => new(0, false);
}

public sealed class NewOrdersCountLoadedReducer : Reducer<NewOrdersState, NewOrdersCountLoaded>
{
    public override NewOrdersState Reduce(NewOrdersState state, NewOrdersCountLoaded action) =>
        new(Math.Max(0, action.Count), true);
}

public sealed class NewOrdersPlacedReducer : Reducer<NewOrdersState, NewOrdersPlaced>
{
    public override NewOrdersState Reduce(NewOrdersState state, NewOrdersPlaced action) =>
        action.Orders.Count == 0 ? state : state with { Count = state.Count + action.Orders.Count };
}
