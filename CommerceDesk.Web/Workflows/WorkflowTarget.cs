using CommerceDesk.Domain.Workflows;

namespace CommerceDesk.Web.Workflows;

/// <summary>A cart or an order, by id: what workflow handlers and components are pointed at.</summary>
public sealed record WorkflowTarget(WorkflowSubjectType Type, long Id)
{
    public static WorkflowTarget Cart(long id) => new(WorkflowSubjectType.Cart, id);

    public static WorkflowTarget Order(long id) => new(WorkflowSubjectType.Order, id);

    public string Noun => Type == WorkflowSubjectType.Cart ? "cart" : "order";
}
