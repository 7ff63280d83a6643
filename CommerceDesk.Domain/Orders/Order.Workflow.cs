namespace CommerceDesk.Domain.Orders;

public sealed partial class Order
{
    /// <summary>
    /// The order's step in the Order Follow Up workflow, copied from its workflow item so the grid can filter
    /// and show it from the order row alone. Every order stores it from the start step on (an index range for the filter).
    /// </summary>
    public string? WorkflowStep { get; private set; } = Workflows.OrderFollowUpWorkflow.Steps.NotContacted;

    internal void ShowWorkflowStep(string step) => WorkflowStep = step;
}
