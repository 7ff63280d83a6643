using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// Fires one workflow transition: loads the record on a fresh context, lets the domain check and apply it,
/// saves the item, its history line and whatever the actions created in one SaveChanges. Two managers at
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
        var now = time.GetUtcNow().UtcDateTime;
        var loaded = await LoadedWorkflow.LoadAsync(db, registry, target, now, ct);
        if (loaded is null) return new(TransitionResult.NotFound, $"This {target.Noun} no longer exists.");
        if (expectedVersion is { } expected && expected != loaded.Item.Version)
            return TransitionOutcome.Conflict(target, loaded.Item.LastTransitionBy);

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

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsRace(e))
        {
            logger.LogInformation("Workflow transition {Transition} on {Target} lost a race", transition, target);
            return TransitionOutcome.Conflict(target, await WhoChangedAsync(target, loaded.IsNew ? 0 : loaded.Item.Version, ct));
        }

        if (applied.CreatedOrder is { } created) await MarkCartPurchasedAsync(target.Id, created.Id, ct);
        return TransitionOutcome.Done() with
        {
            CreatedOrderId = applied.CreatedOrder?.Id,
            CreatedOpportunityId = applied.CreatedOpportunity?.Id,
        };
    }

    /// <summary>
    /// The cart now has an order: mark it purchased so no reminder or sweep treats it as abandoned. Separate
    /// save because the cart points at the order's new id; retried if a storefront push changes the cart meanwhile.
    /// </summary>
    private async Task MarkCartPurchasedAsync(long cartId, long orderId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var cart = await db.Carts.SingleAsync(c => c.Id == cartId, ct);
            cart.MarkPurchased(orderId);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
            }
        }
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

    /// <summary>Someone saved first: a stale version, or the same record's first item inserted twice.</summary>
    private static bool IsRace(DbUpdateException e) =>
        e is DbUpdateConcurrencyException
        || e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }
        || e.InnerException is SqlException { Number: 2601 or 2627 }
        || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
