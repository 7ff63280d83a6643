using CommerceDesk.Data;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>Loads a record's workflow panel (step, buttons with their reasons) on a fresh context.</summary>
public sealed class LoadWorkflowPanel(IDbContextFactory<CommerceDbContext> factory, WorkflowRegistry registry, TimeProvider time)
{
    public async Task<WorkflowPanel?> RunAsync(WorkflowTarget target, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var loaded = await LoadedWorkflow.LoadAsync(db, registry, target, now, ct);
        return loaded is null ? null : new WorkflowPanel(target, loaded.Definition, loaded.Subject, loaded.Item, now);
    }
}
