using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Workflows;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using OrderFlow = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// The grids' "Workflow step" column and filter. Every cart and order stores its step (the StoredWorkflowSteps
/// migration filled in the rows from before, when a missing step meant the start step, or Converted for a purchased cart).
/// </summary>
public static class WorkflowStepColumn
{
    public static IReadOnlyList<WorkflowStep> CartSteps => CartFlow.Definition.Steps;

    public static IReadOnlyList<WorkflowStep> OrderSteps => OrderFlow.Definition.Steps;

    public static IQueryable<Cart> WhereWorkflowStep(this IQueryable<Cart> carts, string step) => carts.Where(c => c.WorkflowStep == step);

    public static IQueryable<Order> WhereWorkflowStep(this IQueryable<Order> orders, string step) => orders.Where(o => o.WorkflowStep == step);

    public static string CartStepLabel(string? step) => Label(CartFlow.Definition, step ?? CartFlow.Steps.Open);

    public static string OrderStepLabel(string? step) => Label(OrderFlow.Definition, step ?? OrderFlow.Steps.NotContacted);

    private static string Label(WorkflowDefinition definition, string step) =>
        definition.Steps.FirstOrDefault(s => s.Name == step)?.Label ?? step;
}
