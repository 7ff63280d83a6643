using CommerceDesk.Domain.Workflows;

namespace CommerceDesk.Web.Workflows;

/// <summary>What a record page shows of its workflow: the step, the buttons, and the version the buttons were computed from.</summary>
public sealed class WorkflowPanel(WorkflowTarget target, WorkflowDefinition definition, WorkflowSubject subject, WorkflowItem item, DateTime now)
{
    public WorkflowTarget Target { get; } = target;
    public WorkflowDefinition Definition { get; } = definition;
    public WorkflowStep Step { get; } = definition.Step(item.CurrentStep);

    /// <summary>Sent back with a transition: if the record moved on meanwhile, the transition is refused as a conflict.</summary>
    public int Version { get; } = item.Version;

    public IReadOnlyList<AvailableTransition> Transitions { get; } = new WorkflowMachine(definition, item, subject).AvailableTransitions();

    /// <summary>The form values a transition's dialog opens with (cart e-mail, customer phone, now, …).</summary>
    public Dictionary<string, string?> Prefill(WorkflowTransition transition) => transition.Form.Prefill(subject, now);
}
