using CommerceDesk.Data;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Crm.Stages;

/// <summary>Adds each default opportunity stage that is missing, in every environment; an admin's edits are never overwritten.</summary>
internal sealed class OpportunityStageSeeder(IDbContextFactory<CommerceDbContext> factory) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.OpportunityStageDefinitions.Select(d => d.Name).ToListAsync(cancellationToken);
        db.OpportunityStageDefinitions.AddRange(DefaultOpportunityStages.Create().Where(d => !existing.Contains(d.Name)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same stages at the same moment (unique name); theirs stand.
            await using var check = await factory.CreateDbContextAsync(cancellationToken);
            var names = await check.OpportunityStageDefinitions.Select(d => d.Name).ToListAsync(cancellationToken);
            if (!DefaultOpportunityStages.Create().All(d => names.Contains(d.Name))) throw;
        }
    }
}
