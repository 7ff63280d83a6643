using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Infrastructure;
using CommerceDesk.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>
/// Development only, after the demo shop and the default statuses: a few paid demo orders moved along the lifecycle so
/// every status a manager may meet (in process, on transit, product valuation, purchase survey, refund requested) has
/// an order in the grid's counters. It runs after the billing demo and takes confirmed orders it left; once per
/// database; demo history sends no e-mails.
/// </summary>
internal sealed class OrderStatusDemoSeeder(IDbContextFactory<CommerceDbContext> factory, IServiceProvider services, TimeProvider time)
    : IStartupSeeder
{
    private static readonly Actor Manager = new("demo-manager", "Maria Manager");

    /// <summary>Each path starts at Incoming; the last step is where the order stays.</summary>
    private static readonly string[][] Paths =
    [
        [InProcess],
        [InProcess, OnTransit],
        [InProcess, Delivered, ProductValuation],
        [InProcess, Delivered, PurchaseSurvey],
        [InProcess, Delivered, RefundRequested],
    ];

    private const int KeptIncoming = 3;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<DemoShopOptions>() is not { Seed: true }) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        string[] seeded = [.. Paths.Select(p => p[^1])];
        if (await db.Orders.AnyAsync(o => seeded.Contains(o.Status) || (o.SubStatus != null && seeded.Contains(o.SubStatus)), cancellationToken)) return;
        var paid = await db.Orders.Where(o => o.CommercialState == CommercialState.SalesOrder && o.Status == Incoming)
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).Take(Paths.Length + KeptIncoming).ToListAsync(cancellationToken);
        // A small demo shop keeps its few confirmed orders Incoming, for a manager to try the buttons on.
        if (paid.Count < Paths.Length + KeptIncoming) return;
        var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(cancellationToken));
        var now = time.GetUtcNow().UtcDateTime;

        foreach (var (order, path) in paid.Skip(KeptIncoming).Zip(Paths))
        {
            var hours = 0;
            foreach (var status in path)
                db.OrderStatusHistory.Add(order.ChangeStatus(status, rules, Manager, null, Later(order.PlacedAt, hours += 24, now)));
            // History, not news: no customer or staff e-mails, webhooks, stock or CRM work for demo data.
            order.ClearDomainEvents();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary><paramref name="hours"/> after <paramref name="from"/>, never ahead of now.</summary>
    private static DateTime Later(DateTime from, int hours, DateTime now) => from.AddHours(hours) < now ? from.AddHours(hours) : now;
}
