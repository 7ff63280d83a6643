using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Workflows;

/// <summary>
/// One record's journey through a workflow: its current step and every transition made (who, when, form
/// data). Versioned, so two managers firing transitions on the same record at once cannot both win.
/// </summary>
public sealed class WorkflowItem : Entity, IVersioned
{
    public const int NameMaxLength = 100;

    private readonly List<WorkflowTransitionRecord> _transitions = [];

    private WorkflowItem() { }

    private WorkflowItem(string workflowName, long? cartId, long? orderId, string step, DateTime now)
    {
        WorkflowName = workflowName;
        CartId = cartId;
        OrderId = orderId;
        CurrentStep = step;
        StartedAt = Guard.Utc(now);
    }

    /// <summary>
    /// Starts <paramref name="definition"/> on a saved cart or order that has no item yet, at the step its row shows:
    /// the start step, or Converted for a cart purchased before a purchase gave every cart its item.
    /// </summary>
    public static WorkflowItem Start(WorkflowDefinition definition, WorkflowSubject subject, DateTime now)
    {
        if (definition.AppliesTo != subject.Type)
            throw new InvalidOperationException($"Workflow {definition.Name} does not apply to a {subject.Noun}.");
        if (subject.Id <= 0) throw new InvalidOperationException("Save the record before starting its workflow.");
        var shown = subject.Cart?.WorkflowStep ?? subject.Order?.WorkflowStep;
        var step = definition.Steps.Any(s => s.Name == shown) ? shown! : definition.StartStep.Name;
        return new WorkflowItem(definition.Name, subject.Cart?.Id, subject.Order?.Id, step, now);
    }

    public string WorkflowName { get; private set; } = "";
    public long? CartId { get; private set; }
    public long? OrderId { get; private set; }
    public string CurrentStep { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime? LastTransitionAt { get; private set; }

    /// <summary>Who made the last transition: named in the "changed by … reload" message of a losing click.</summary>
    public string? LastTransitionBy { get; private set; }

    public int Version { get; private set; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<WorkflowTransitionRecord> Transitions => _transitions;

    public bool HasMade(params string[] transitionNames) => _transitions.Any(t => transitionNames.Contains(t.Transition));

    /// <summary>Stateless's state mutator; only <see cref="WorkflowMachine"/> moves the item.</summary>
    internal void MoveTo(string step) => CurrentStep = step;

    internal void Record(WorkflowTransition transition, string fromStep, Actor actor, DateTime now, FormData form)
    {
        var at = Guard.Utc(now);
        _transitions.Add(new WorkflowTransitionRecord(transition, fromStep, CurrentStep, actor, at, form.ToJson()));
        LastTransitionAt = at;
        LastTransitionBy = actor.Name;
    }
}

/// <summary>One transition made: the history line "Log call, Open → Contacted, by Ann at 10:02" with its form data.</summary>
public sealed class WorkflowTransitionRecord
{
    private WorkflowTransitionRecord() { }

    internal WorkflowTransitionRecord(WorkflowTransition transition, string fromStep, string toStep, Actor actor, DateTime at, string formData)
    {
        Transition = transition.Name;
        TransitionLabel = transition.Label;
        FromStep = fromStep;
        ToStep = toStep;
        UserId = actor.UserId;
        UserName = actor.Name;
        At = at;
        FormData = formData;
    }

    public long Id { get; private set; }
    public string Transition { get; private set; } = "";
    public string TransitionLabel { get; private set; } = "";
    public string FromStep { get; private set; } = "";
    public string ToStep { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public DateTime At { get; private set; }

    /// <summary>The form values as JSON (field name → value).</summary>
    public string FormData { get; private set; } = "{}";
}
