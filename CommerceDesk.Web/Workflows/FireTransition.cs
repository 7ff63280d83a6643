using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// Fires one workflow transition: loads the record on a fresh context, lets the domain check and apply it,
/// saves the item, its history line and whatever the actions created in one transaction. Two managers at
/// once: the item's version is the concurrency token, so exactly one save wins and the other is told who
/// changed the record.
/// </summary>
public sealed class FireTransition(
    IDbContextFactory<CommerceDbContext> factory, WorkflowRegistry registry, WorkflowEmailQueue emails, TimeProvider time, ILogger<FireTransition> logger)
{
    /// <param name="expectedVersion">The version the manager's buttons were computed from; null to act on whatever is current (mass actions).</param>
    public async Task<TransitionOutcome> RunAsync(
        WorkflowTarget target, string transition, IReadOnlyDictionary<string, string?> form, Actor actor, int? expectedVersion,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var versionRead = 0;
        try
        {
            // SQL Server's retrying strategy allows our own transaction only inside ExecuteAsync, and a retry starts
            // again from a fresh read.
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var now = time.GetUtcNow().UtcDateTime;
                var loaded = await LoadedWorkflow.LoadAsync(db, registry, target, now, ct);
                if (loaded is null) return new(TransitionResult.NotFound, $"This {target.Noun} no longer exists.");
                versionRead = loaded.IsNew ? 0 : loaded.Item.Version;
                if (expectedVersion is { } expected && expected != loaded.Item.Version)
                    return TransitionOutcome.Conflict(target, loaded.Item.LastTransitionBy);
                return await ApplyAsync(db, loaded, transition, form, actor, now, ct);
            });
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            logger.LogInformation("Workflow transition {Transition} on {Target} lost a race", transition, target);
            return TransitionOutcome.Conflict(target, await WhoChangedAsync(target, versionRead, ct));
        }
    }

    private async Task<TransitionOutcome> ApplyAsync(
        CommerceDbContext db, LoadedWorkflow loaded, string transition, IReadOnlyDictionary<string, string?> form, Actor actor, DateTime now,
        CancellationToken ct)
    {
        TransitionContext applied;
        try
        {
            applied = loaded.Machine().Fire(transition, form, actor, now);
        }
        catch (WorkflowFormException e)
        {
            return new(TransitionResult.Invalid, "Please correct the highlighted fields.", e.Errors);
        }
        catch (DomainException e)
        {
            return new(TransitionResult.Refused, e.Message);
        }

        if (loaded.IsNew) db.WorkflowItems.Add(loaded.Item);
        // A repeated call or e-mail may leave every column of the item as it was; the row must still be
        // updated so its version is checked and bumped.
        else db.Entry(loaded.Item).State = EntityState.Modified;
        db.Activities.AddRange(applied.Activities);
        if (applied.CreatedOrder is { } order) db.Orders.Add(order);
        if (applied.CreatedOpportunity is { } opportunity) db.Opportunities.Add(opportunity);
        await emails.AddAsync(db, applied, ct);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            // Convert to order: the cart is purchased by its quotation, which needs the quotation's new id, so a
            // second save; the same transaction keeps a quotation from ever existing without its cart purchased.
            if (applied.CreatedOrder is { } quotation)
            {
                loaded.Subject.RequireCart().MarkPurchased(quotation.Id);
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        return TransitionOutcome.Done() with
        {
            CreatedOrderId = applied.CreatedOrder?.Id,
            CreatedOpportunityId = applied.CreatedOpportunity?.Id,
        };
    }

    private async Task<string?> WhoChangedAsync(WorkflowTarget target, int versionRead, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var definition = registry.For(target.Type);
        var now = await LoadedWorkflow.ItemQuery(db, definition, target)
            .Select(i => new { i.Version, i.LastTransitionBy }).SingleOrDefaultAsync(ct);
        // The item did not move: the cart or order itself was changed, by a storefront push.
        return now is not null && now.Version != versionRead ? now.LastTransitionBy : "the storefront";
    }
}
