namespace CommerceDesk.Web.Orders.MassActions;

/// <summary>What a mass action on picked orders did: how many it changed, and why the others were refused, order by order.</summary>
public sealed record MassChangeReport(string Verb, int Done, IReadOnlyList<string> Refusals)
{
    /// <summary>"Moved 3 orders" or "Moved 2 orders, refused 1: W-1004: An order that is 'Cancelled' cannot move to 'In process'."</summary>
    public string Summary
    {
        get
        {
            var done = $"{Verb} {Done:N0} {(Done == 1 ? "order" : "orders")}";
            return Refusals.Count == 0 ? done : $"{done}, refused {Refusals.Count:N0}: {string.Join(" ", Refusals)}";
        }
    }
}
