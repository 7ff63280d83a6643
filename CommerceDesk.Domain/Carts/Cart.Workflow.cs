namespace CommerceDesk.Domain.Carts;

public sealed partial class Cart
{
    /// <summary>
    /// The cart's step in the Abandoned Shopping Cart workflow, copied from its workflow item so the grid can
    /// filter and show it from the cart row alone. Null until the workflow first moves (the start step, or
    /// Converted for a purchased cart).
    /// </summary>
    public string? WorkflowStep { get; private set; }

    internal void ShowWorkflowStep(string step) => WorkflowStep = step;
}
