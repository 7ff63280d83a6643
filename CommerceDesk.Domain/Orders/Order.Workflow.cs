namespace CommerceDesk.Domain.Orders;

public sealed partial class Order
{
    /// <summary>
    /// The order's step in the Order Follow Up workflow, copied from its workflow item so the grid can filter
    /// and show it from the order row alone. Null until the workflow first moves (Not contacted).
    /// </summary>
    public string? WorkflowStep { get; private set; }

    internal void ShowWorkflowStep(string step) => WorkflowStep = step;
}
