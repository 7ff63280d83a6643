using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Opportunities;

public sealed record NewOpportunity(string Name, long? AccountId, long? CustomerId, decimal Amount, string Currency, string Stage, DateTime CloseDate);

/// <summary>Saves an opportunity a manager opens by hand; a customer given without an account brings its own account.</summary>
public sealed class CreateOpportunity(IDbContextFactory<CommerceDbContext> factory, TimeProvider time)
{
    public async Task<long> RunAsync(NewOpportunity input, Actor owner, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var accountId = input.AccountId;
        if (input.CustomerId is { } customerId)
        {
            var customerAccount = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.AccountId }).SingleOrDefaultAsync(ct)
                                  ?? throw new DomainException("The chosen customer no longer exists.");
            accountId ??= customerAccount.AccountId;
        }
        if (accountId is { } id && !await db.Accounts.AnyAsync(a => a.Id == id, ct)) throw new DomainException("The account no longer exists.");
        if (!await db.OpportunityStageDefinitions.AnyAsync(s => s.Name == input.Stage, ct)) throw new DomainException($"'{input.Stage}' is not a sales stage.");
        var opportunity = Opportunity.ForCustomer(input.Name, accountId, input.CustomerId, new Money(input.Amount, Currency.Parse(input.Currency)),
            input.Stage, input.CloseDate, owner, time.GetUtcNow().UtcDateTime);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(ct);
        return opportunity.Id;
    }
}
