using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Relating;

/// <summary>
/// A database holding registered customers without an account (data from before accounts, an import) gets a pass of
/// the relation job at start-up. Start-up runs one node at a time, and a pass already going is left to finish.
/// </summary>
internal sealed class RelateCustomersWithoutAccountOnStart(
    IDbContextFactory<CommerceDbContext> factory, AccountRelationRuns runs, ILogger<RelateCustomersWithoutAccountOnStart> logger) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        AccountStrategy strategy;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.AccountRelationRuns.AnyAsync(r => r.FinishedAt == null, cancellationToken)) return;
            if (!await db.Customers.AnyAsync(c => !c.IsGuest && c.AccountId == null, cancellationToken)) return;
            strategy = await db.AccountSettings.Select(s => (AccountStrategy?)s.Strategy).FirstOrDefaultAsync(cancellationToken) ?? AccountStrategy.OnePerCustomer;
        }
        await runs.StartAsync(strategy, AccountRelationReason.CustomersWithoutAccount, Actor.System, cancellationToken);
        logger.LogInformation("Registered customers without an account found: relating every customer to its account in the background.");
    }
}
