namespace CommerceDesk.Domain.Workflows;

/// <summary>The workflows attached to every cart and every order. Both are registered by default.</summary>
public sealed class WorkflowRegistry(IEnumerable<WorkflowDefinition> definitions)
{
    public static WorkflowRegistry Default { get; } = new([AbandonedShoppingCartWorkflow.Definition, OrderFollowUpWorkflow.Definition]);

    public IReadOnlyList<WorkflowDefinition> All { get; } = definitions.ToList();

    public WorkflowDefinition For(WorkflowSubjectType type) =>
        All.FirstOrDefault(d => d.AppliesTo == type) ?? throw new InvalidOperationException($"No workflow is registered for {type}s.");

    public WorkflowDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
