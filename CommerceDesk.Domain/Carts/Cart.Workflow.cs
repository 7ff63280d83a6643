namespace CommerceDesk.Domain.Carts;

public sealed partial class Cart
{
    /// <summary>
    /// The cart's step in the Abandoned Shopping Cart workflow, copied from its workflow item so the grid can
    /// filter and show it from the cart row alone. Every cart stores it from the start step on, so the step
    /// filter and its count are an index range (a missing step meant an OR over the status, i.e. a table scan).
    /// </summary>
    public string? WorkflowStep { get; private set; } = Workflows.AbandonedShoppingCartWorkflow.Steps.Open;

    internal void ShowWorkflowStep(string step) => WorkflowStep = step;
}
