using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Domain.Workflows;

/// <summary>
/// What a transition's actions see (the record, the form, who and when) and what they produce: new
/// activities, an order or an opportunity, which the caller saves together with the workflow item.
/// </summary>
public sealed class TransitionContext(WorkflowSubject subject, WorkflowItem item, WorkflowTransition transition, FormData form, Actor actor, DateTime now)
{
    private readonly List<Activity> _activities = [];

    public WorkflowSubject Subject { get; } = subject;
    public WorkflowItem Item { get; } = item;
    public WorkflowTransition Transition { get; } = transition;
    public FormData Form { get; } = form;
    public Actor Actor { get; } = actor;
    public DateTime Now { get; } = now;

    public IReadOnlyList<Activity> Activities => _activities;
    public Order? CreatedOrder { get; private set; }
    public Opportunity? CreatedOpportunity { get; private set; }

    public ActivityTarget Target => Subject.Cart is { } cart ? ActivityTarget.Of(cart) : ActivityTarget.Of(Subject.RequireOrder());

    public void Add(Activity activity) => _activities.Add(activity);

    public void Created(Order order) => CreatedOrder = order;

    public void Created(Opportunity opportunity) => CreatedOpportunity = opportunity;
}
