using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Workflows;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using OrderFlow = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// The grids' "Workflow step" column and filter. A record whose workflow never moved has no step stored:
/// it is at the start step, except a purchased cart, which is Converted.
/// </summary>
public static class WorkflowStepColumn
{
    public static IReadOnlyList<WorkflowStep> CartSteps => CartFlow.Definition.Steps;

    public static IReadOnlyList<WorkflowStep> OrderSteps => OrderFlow.Definition.Steps;

    public static IQueryable<Cart> WhereWorkflowStep(this IQueryable<Cart> carts, string step) => step switch
    {
        CartFlow.Steps.Open => carts.Where(c => c.WorkflowStep == step || (c.WorkflowStep == null && c.Status != CartStatus.Purchased)),
        CartFlow.Steps.Converted => carts.Where(c => c.WorkflowStep == step || (c.WorkflowStep == null && c.Status == CartStatus.Purchased)),
        _ => carts.Where(c => c.WorkflowStep == step),
    };

    public static IQueryable<Order> WhereWorkflowStep(this IQueryable<Order> orders, string step) =>
        step == OrderFlow.Steps.NotContacted
            ? orders.Where(o => o.WorkflowStep == step || o.WorkflowStep == null)
            : orders.Where(o => o.WorkflowStep == step);

    public static string CartStepLabel(string? step, CartStatus status) =>
        Label(CartFlow.Definition, step ?? (status == CartStatus.Purchased ? CartFlow.Steps.Converted : CartFlow.Steps.Open));

    public static string OrderStepLabel(string? step) => Label(OrderFlow.Definition, step ?? OrderFlow.Steps.NotContacted);

    private static string Label(WorkflowDefinition definition, string step) =>
        definition.Steps.FirstOrDefault(s => s.Name == step)?.Label ?? step;
}
