namespace CommerceDesk.Web.Orders;

/// <summary>The top bar's badge: how many orders are Incoming (DESIGN §5), and the newest of them for its menu.</summary>
public sealed record NewOrdersState(int Count, bool IsLoaded, IReadOnlyList<NewOrderItem> Newest)
{
    public NewOrdersState(int count, bool isLoaded) : this(count, isLoaded, []) { }

    public static NewOrdersState Initial { get; } = new(0, false);

    // Records compare lists by reference; two loads of the same orders are the same state.
    public bool Equals(NewOrdersState? other) =>
        other is not null && Count == other.Count && IsLoaded == other.IsLoaded && Newest.SequenceEqual(other.Newest);

    public override int GetHashCode() => HashCode.Combine(Count, IsLoaded, Newest.Count);
}

/// <summary>An order the storefront just placed.</summary>
public sealed record PlacedOrder(long Id, string Number);

/// <summary>One of the newest Incoming orders, as the badge's menu lists it.</summary>
public sealed record NewOrderItem(long Id, string Number, string? Customer, DateTime PlacedAt, decimal Subtotal, string Currency);

/// <summary>Count the Incoming orders in the database again (on circuit start, and whenever an order enters or leaves Incoming).</summary>
public sealed record LoadNewOrdersCount;

public sealed record NewOrdersCountLoaded(int Count, IReadOnlyList<NewOrderItem> Newest)
{
    public NewOrdersCountLoaded(int count) : this(count, []) { }
}

/// <summary>Orders were placed somewhere in this app: the manager is told which (the count comes from the recount).</summary>
public sealed record NewOrdersPlaced(IReadOnlyList<PlacedOrder> Orders);

public static class NewOrdersReducers
{
    /// <summary>The count is always the database's, never a running total: other nodes' orders and moves are in it too.</summary>
    public static NewOrdersState CountLoaded(NewOrdersState state, NewOrdersCountLoaded action) =>
        new(Math.Max(0, action.Count), true, action.Newest);
}
