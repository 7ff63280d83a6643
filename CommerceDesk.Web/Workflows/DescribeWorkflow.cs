using CommerceDesk.Data;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>A record's workflow in one line for the storefront API: name, step and the transitions a manager could fire now.</summary>
public sealed record WorkflowSummary(string Name, string Step, IReadOnlyList<string> AvailableTransitions);

public static class DescribeWorkflow
{
    /// <summary>Reads on the caller's context; null when the record does not exist.</summary>
    public static async Task<WorkflowSummary?> RunAsync(CommerceDbContext db, WorkflowRegistry registry, WorkflowTarget target, DateTime now, CancellationToken ct)
    {
        var loaded = await LoadedWorkflow.LoadAsync(db, registry, target, now, ct);
        if (loaded is null) return null;
        var available = loaded.Machine().AvailableTransitions().Where(t => t.IsEnabled).Select(t => t.Name).ToList();
        return new WorkflowSummary(loaded.Definition.Name, loaded.Item.CurrentStep, available);
    }
}
