using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Crm.Sync;
using CommerceDesk.Web.Infrastructure;
using CommerceDesk.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Crm.Stages;

/// <summary>
/// The demo shop's CRM side (Development only): some carts and orders synced through the built-in connector, a few
/// still waiting, so the grids' CRM columns, the opportunities and the sync queue have something to show. Runs once.
/// </summary>
internal sealed class CrmDemoSeeder(IServiceProvider services, IDbContextFactory<CommerceDbContext> factory, IOptions<CrmOptions> options, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<DemoShopOptions>() is not { Seed: true } || options.Value.Connector != CrmConnectorKind.BuiltIn) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.CrmSyncQueue.AnyAsync(cancellationToken) || !await db.Carts.AnyAsync(cancellationToken)) return;

        var now = time.GetUtcNow().UtcDateTime;
        var carts = await db.Carts.Where(c => c.ItemCount > 0).OrderBy(c => c.Id).Take(24).ToListAsync(cancellationToken);
        var orders = await db.Orders.OrderBy(o => o.Id).Take(12).ToListAsync(cancellationToken);
        foreach (var cart in carts.Take(20)) await CrmSyncQueue.MarkPendingAsync(db, cart, now, cancellationToken);
        foreach (var order in orders.Take(10)) await CrmSyncQueue.MarkPendingAsync(db, order, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<CrmSyncJob>().RunAsync(cancellationToken);
        await SpreadThePipelineAsync(db, now, cancellationToken);

        // A few changed since, waiting for the next run.
        foreach (var cart in carts.Skip(20)) await CrmSyncQueue.MarkPendingAsync(db, cart, now.AddMinutes(1), cancellationToken);
        foreach (var order in orders.Skip(10)) await CrmSyncQueue.MarkPendingAsync(db, order, now.AddMinutes(1), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly Actor DemoManager = new("demo-manager", "Maria Manager");
    private static readonly string[] OpenStages =
        [OpportunityStages.Prospecting, OpportunityStages.Qualification, OpportunityStages.Proposal, OpportunityStages.Negotiation];

    /// <summary>
    /// The synced opportunities all close one sales cycle from now at their first stage; a sales team's pipeline has
    /// deals further along and closing over the coming months, which is what the forecast is for.
    /// </summary>
    private static async Task SpreadThePipelineAsync(CommerceDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.Opportunities.Where(o => o.SourceOrderId == null && (o.Stage == OpportunityStages.Prospecting || o.Stage == OpportunityStages.Qualification)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        foreach (var (opportunity, i) in open.Select((o, i) => (o, i)))
            opportunity.Edit(opportunity.Name, opportunity.Amount, OpenStages[i % OpenStages.Length], now.Date.AddDays(12 + 23 * (i % 5)),
                opportunity.ContactRole, DemoManager, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
