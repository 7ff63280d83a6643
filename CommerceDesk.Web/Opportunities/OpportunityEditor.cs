using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Opportunities;

/// <summary>What a manager types to edit an opportunity (new ones start in NewOpportunityDialog).</summary>
public sealed class OpportunityForm
{
    public string Name { get; set; } = "";
    public string Stage { get; set; } = CrmRules.InitialStage;
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public DateTime? CloseDate { get; set; }
    public string? ContactRole { get; set; }
}

/// <summary>Loads and edits opportunities for the opportunity pages; stage changes land in the stage history.</summary>
public sealed class OpportunityEditor(IDbContextFactory<CommerceDbContext> factory, TimeProvider time)
{
    public sealed record Details(Opportunity Opportunity, string? CustomerName, string? CartExternalId, string? OrderNumber);

    /// <summary>A save's outcome: the opportunity's id, or the message a manager reads (nothing saved).</summary>
    public sealed record Outcome(long? Id, string? Error);

    public async Task<Details?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null) return null;
        var customer = opportunity.CustomerId is { } cid ? await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, cancellationToken) : null;
        var cart = opportunity.SourceCartId is { } cartId ? await db.Carts.Where(c => c.Id == cartId).Select(c => c.ExternalId).SingleOrDefaultAsync(cancellationToken) : null;
        var order = opportunity.SourceOrderId is { } orderId ? await db.Orders.Where(o => o.Id == orderId).Select(o => o.Number).SingleOrDefaultAsync(cancellationToken) : null;
        return new Details(opportunity, customer?.FullName, cart, order);
    }

    public async Task<IReadOnlyList<string>> StagesAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.OpportunityStageDefinitions.OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<Outcome> EditAsync(long id, int expectedVersion, OpportunityForm form, Actor by, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, form, cancellationToken) is { } error) return new(null, error);
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null) return new(null, "This opportunity no longer exists.");
        if (opportunity.Version != expectedVersion) return new(null, "This opportunity was changed in the meantime; reload it.");
        try
        {
            opportunity.Edit(form.Name, new Money(form.Amount, opportunity.Currency), form.Stage, form.CloseDate!.Value, form.ContactRole, by, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new(opportunity.Id, null);
        }
        catch (DomainException ex)
        {
            return new(null, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(null, "This opportunity was changed in the meantime; reload it.");
        }
    }

    private static async Task<string?> CheckAsync(CommerceDbContext db, OpportunityForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Name)) return "Give the opportunity a name.";
        if (form.CloseDate is null) return "Choose a close date.";
        if (form.Amount < 0) return "The amount cannot be negative.";
        if (!await db.OpportunityStageDefinitions.AnyAsync(s => s.Name == form.Stage, cancellationToken)) return $"'{form.Stage}' is not a stage.";
        return null;
    }
}
