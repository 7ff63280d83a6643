using CommerceDesk.Domain.Common;
using Stateless;
using Stateless.Graph;

namespace CommerceDesk.Domain.Workflows;

/// <summary>A transition as a record's buttons show it: enabled, or disabled with the reasons.</summary>
public sealed record AvailableTransition(WorkflowTransition Transition, IReadOnlyList<string> UnmetReasons)
{
    public string Name => Transition.Name;
    public string Label => Transition.Label;
    public bool IsEnabled => UnmetReasons.Count == 0;
    public string? DisabledReason => IsEnabled ? null : string.Join(" ", UnmetReasons);
}

/// <summary>
/// Runs a <see cref="WorkflowDefinition"/> on one record with Stateless: the definition's steps become
/// states, its transitions triggers, its conditions guards whose descriptions are the unmet reasons. The
/// item is the state's storage, so firing moves <see cref="WorkflowItem.CurrentStep"/>.
/// </summary>
public sealed class WorkflowMachine
{
    private readonly WorkflowDefinition _definition;
    private readonly WorkflowItem _item;
    private readonly WorkflowSubject _subject;
    private readonly StateMachine<string, string> _machine;

    public WorkflowMachine(WorkflowDefinition definition, WorkflowItem item, WorkflowSubject subject)
    {
        if (item.WorkflowName != definition.Name)
            throw new InvalidOperationException($"Item of workflow {item.WorkflowName} cannot run {definition.Name}.");
        _definition = definition;
        _item = item;
        _subject = subject;
        _machine = new StateMachine<string, string>(() => item.CurrentStep, item.MoveTo);
        Configure(_machine, definition, s => s.Name, t => t.Name, c => () => c.IsMet(_item, _subject));
    }

    public WorkflowDefinition Definition => _definition;

    public WorkflowStep CurrentStep => _definition.Step(_item.CurrentStep);

    /// <summary>
    /// The transitions the current step allows (the buttons to show), each enabled or with the reasons its
    /// conditions fail. System transitions are left out: no one clicks them.
    /// </summary>
    public IReadOnlyList<AvailableTransition> AvailableTransitions()
    {
        var configured = _machine.GetInfo().States
            .Single(s => s.UnderlyingState as string == _item.CurrentStep)
            .Transitions.Select(t => (string)t.Trigger.UnderlyingTrigger)
            .ToHashSet(StringComparer.Ordinal);
        return _definition.Transitions
            .Where(t => !t.IsSystem && configured.Contains(t.Name))
            .Select(t =>
            {
                _machine.CanFire(t.Name, out var unmet);
                return new AvailableTransition(t, unmet?.ToList() ?? []);
            })
            .ToList();
    }

    /// <summary>Whether <paramref name="transitionName"/> can fire now (step allows it and its conditions hold).</summary>
    public bool CanFire(string transitionName) => _machine.CanFire(transitionName);

    /// <summary>
    /// Fires a transition: checks that the step allows it and its conditions hold, validates its form, runs
    /// its actions, moves the item and records the history line. Throws <see cref="DomainException"/>
    /// (or <see cref="WorkflowFormException"/>) with a readable message and changes nothing when it cannot.
    /// </summary>
    public TransitionContext Fire(string transitionName, IReadOnlyDictionary<string, string?> form, Actor actor, DateTime now)
    {
        var transition = _definition.FindTransition(transitionName)
            ?? throw new DomainException($"The {_definition.Label} workflow has no action '{transitionName}'.");
        if (!_machine.CanFire(transition.Name, out var unmet))
        {
            // Stateless reports no unmet guards (null) when the step does not offer the trigger at all.
            throw new DomainException(unmet is { Count: > 0 }
                ? string.Join(" ", unmet)
                : $"'{transition.Label}' is not possible while the {_subject.Noun} is at step {CurrentStep.Label}.");
        }

        var data = transition.Form.Validate(form);
        var context = new TransitionContext(_subject, _item, transition, data, actor, now);
        // Actions run before the step moves: if one refuses (a domain rule), the item is left untouched.
        foreach (var action in transition.Actions) action.Run(context);

        var from = _item.CurrentStep;
        _machine.Fire(transition.Name);
        _item.Record(transition, from, actor, now, data);
        _subject.Cart?.ShowWorkflowStep(_item.CurrentStep);
        _subject.Order?.ShowWorkflowStep(_item.CurrentStep);
        return context;
    }

    /// <summary>The definition as Stateless's UML DOT graph, labelled for people (step and transition labels, conditions on guarded edges).</summary>
    public static string ToDotGraph(WorkflowDefinition definition)
    {
        var state = definition.StartStep.Label;
        var machine = new StateMachine<string, string>(() => state, s => state = s);
        Configure(machine, definition, s => s.Label, t => t.Label, _ => () => true, forDiagram: true);
        return UmlDotGraph.Format(machine.GetInfo());
    }

    private static void Configure(StateMachine<string, string> machine, WorkflowDefinition definition,
        Func<WorkflowStep, string> stateOf, Func<WorkflowTransition, string> triggerOf, Func<WorkflowCondition, Func<bool>> guardOf,
        bool forDiagram = false)
    {
        foreach (var step in definition.Steps)
        {
            var config = machine.Configure(stateOf(step));
            foreach (var transition in definition.Transitions.Where(t => t.FromSteps.Contains(step.Name)))
            {
                var trigger = triggerOf(transition);
                var target = stateOf(definition.Step(transition.ToStep));
                var guards = transition.Conditions.Select(c => Tuple.Create(guardOf(c), forDiagram ? c.Description : c.UnmetReason)).ToArray();
                // Calls and e-mails from Contacted stay in Contacted: a re-entry, drawn as a loop.
                if (target == stateOf(step))
                {
                    if (guards.Length == 0) config.PermitReentry(trigger);
                    else config.PermitReentryIf(trigger, guards);
                }
                else if (guards.Length == 0) config.Permit(trigger, target);
                else config.PermitIf(trigger, target, guards);
            }
        }
    }
}
