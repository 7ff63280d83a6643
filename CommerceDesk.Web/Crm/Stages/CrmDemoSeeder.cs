using CommerceDesk.Data;
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

        // A few changed since, waiting for the next run.
        foreach (var cart in carts.Skip(20)) await CrmSyncQueue.MarkPendingAsync(db, cart, now.AddMinutes(1), cancellationToken);
        foreach (var order in orders.Skip(10)) await CrmSyncQueue.MarkPendingAsync(db, order, now.AddMinutes(1), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
