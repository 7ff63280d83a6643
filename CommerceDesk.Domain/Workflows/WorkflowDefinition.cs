namespace CommerceDesk.Domain.Workflows;

public enum WorkflowSubjectType { Cart, Order }

/// <summary>
/// A workflow as data (OroCRM's model): steps, and transitions between them with conditions, a form and
/// actions. <see cref="WorkflowMachine"/> turns it into a Stateless state machine for one record.
/// </summary>
public sealed class WorkflowDefinition
{
    public WorkflowDefinition(string name, string label, WorkflowSubjectType appliesTo,
        IReadOnlyList<WorkflowStep> steps, IReadOnlyList<WorkflowTransition> transitions)
    {
        Name = name;
        Label = label;
        AppliesTo = appliesTo;
        Steps = steps;
        Transitions = transitions;

        if (steps.Count(s => s.IsStart) != 1) throw new ArgumentException($"Workflow {name} needs exactly one start step.");
        var stepNames = steps.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (stepNames.Count != steps.Count) throw new ArgumentException($"Workflow {name} has duplicate step names.");
        if (transitions.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != transitions.Count)
            throw new ArgumentException($"Workflow {name} has duplicate transition names.");
        foreach (var t in transitions)
        {
            if (!stepNames.Contains(t.ToStep)) throw new ArgumentException($"Transition {t.Name} goes to unknown step {t.ToStep}.");
            if (t.FromSteps.FirstOrDefault(s => !stepNames.Contains(s)) is { } unknown)
                throw new ArgumentException($"Transition {t.Name} starts from unknown step {unknown}.");
        }
    }

    public string Name { get; }
    public string Label { get; }
    public WorkflowSubjectType AppliesTo { get; }
    public IReadOnlyList<WorkflowStep> Steps { get; }
    public IReadOnlyList<WorkflowTransition> Transitions { get; }

    public WorkflowStep StartStep => Steps.Single(s => s.IsStart);

    public WorkflowStep Step(string name) =>
        Steps.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"Workflow {Name} has no step '{name}'.");

    public WorkflowTransition? FindTransition(string name) => Transitions.FirstOrDefault(t => t.Name == name);
}

public sealed record WorkflowStep(string Name, string Label, bool IsStart = false, bool IsFinal = false);

/// <summary>
/// A rule a transition needs. <paramref name="Description"/> labels it on the diagram ("contacted at least once");
/// <paramref name="UnmetReason"/> is what the manager reads on the disabled button.
/// </summary>
public sealed record WorkflowCondition(string Name, string Description, string UnmetReason, Func<WorkflowItem, WorkflowSubject, bool> IsMet);

/// <summary>Something a transition does to the record (log a call, mark the cart lost, create an order, …).</summary>
public sealed record WorkflowAction(string Description, Action<TransitionContext> Run);

public sealed class WorkflowTransition
{
    public required string Name { get; init; }
    public required string Label { get; init; }
    public required IReadOnlyList<string> FromSteps { get; init; }
    public required string ToStep { get; init; }
    public IReadOnlyList<WorkflowCondition> Conditions { get; init; } = [];
    public FormSchema Form { get; init; } = FormSchema.Empty;
    public IReadOnlyList<WorkflowAction> Actions { get; init; } = [];

    /// <summary>Fired by the system (e.g. the storefront placed an order), never offered as a button.</summary>
    public bool IsSystem { get; init; }

    /// <summary>Asks "are you sure?" before firing, for transitions that cannot be undone by a click.</summary>
    public string? Confirmation { get; init; }

    /// <summary>Can run on many records at once from a grid: one shared set of form values suits them all.</summary>
    public bool AllowsMassAction { get; init; }
}
