using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;

namespace CommerceDesk.Tests.Workflows;

public class DemoShopFactory : CommerceDeskFactory
{
    protected override bool SeedDemoShop => true;

    // Big enough for every lifecycle status: a smaller shop keeps its few confirmed orders Incoming.
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoShop:Customers", "120");
    }
}

/// <summary>The demo shop on PostgreSQL.</summary>
public sealed class PostgresDemoShopFactory : DemoShopFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The Development demo shows workflows in every step, consistent with the carts' statuses.</summary>
public abstract class WorkflowDemoSeedTests(DemoShopFactory factory)
{
    public sealed class OnSqlite(DemoShopFactory factory) : WorkflowDemoSeedTests(factory), IClassFixture<DemoShopFactory>;

    public sealed class OnPostgres(PostgresDemoShopFactory factory) : WorkflowDemoSeedTests(factory), IClassFixture<PostgresDemoShopFactory>;

    [Fact]
    public async Task TheDemoPutsCartsAndOrdersThroughTheirWorkflowsAndLostCartsAreAbandonedAfterAContact()
    {
        factory.CreateClient().Dispose();
        await using var db = factory.CreateDbContext();

        var items = await db.WorkflowItems.ToListAsync();
        items.ShouldContain(i => i.OrderId != null);
        items.Select(i => i.CurrentStep).Distinct().Count().ShouldBeGreaterThan(3);
        (await db.Activities.CountAsync()).ShouldBeGreaterThan(0);
        var lost = await db.Carts.Where(c => c.Status == CartStatus.Lost).ToListAsync();
        lost.ShouldNotBeEmpty();
        lost.ShouldAllBe(c => c.WorkflowStep == CartFlow.Steps.Abandoned);
    }

    [Fact]
    public async Task TheDemoPlacesNoOrderInTheFutureAndHasCustomersUnderAParent()
    {
        factory.CreateClient().Dispose();
        await using var db = factory.CreateDbContext();
        var now = DateTime.UtcNow;

        (await db.Orders.CountAsync()).ShouldBeGreaterThan(0);
        (await db.Orders.Select(o => o.PlacedAt).ToListAsync()).ShouldAllBe(placed => placed <= now);
        var children = await db.Customers.Where(c => c.ParentCustomerId != null).ToListAsync();
        children.ShouldNotBeEmpty();
        var parentIds = children.Select(c => c.ParentCustomerId!.Value).ToList();
        var parents = await db.Customers.Where(c => parentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        children.ShouldAllBe(c => parents[c.ParentCustomerId!.Value].ExternalId == c.ParentExternalId && c.Id != c.ParentCustomerId);
    }

    [Fact]
    public async Task TheDemoPipelineHasOpenOpportunitiesAtSeveralStagesClosingOverSeveralMonths()
    {
        factory.CreateClient().Dispose();
        await using var db = factory.CreateDbContext();
        var open = await db.Opportunities.Where(o => o.SourceOrderId == null)
            .Select(o => new { o.Stage, o.CloseDate }).ToListAsync();

        open.Select(o => o.Stage).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        open.Select(o => (o.CloseDate.Year, o.CloseDate.Month)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        open.ShouldAllBe(o => o.CloseDate >= DateTime.UtcNow.Date);
    }

    [Fact]
    public async Task TheDemoHasOrdersInEveryLifecycleStatusAndOpportunities()
    {
        factory.CreateClient().Dispose();
        await using var db = factory.CreateDbContext();

        var definitions = await db.OrderStatusDefinitions.AsNoTracking().ToListAsync();
        var leaves = definitions.Where(d => !definitions.Any(sub => sub.ParentCode == d.Code)).Select(d => d.Code).ToList();
        var held = await db.Orders.Select(o => o.SubStatus ?? o.Status).Distinct().ToListAsync();
        leaves.Count.ShouldBeGreaterThan(5);
        leaves.Except(held).ShouldBeEmpty("every status an order can sit in has a demo order");
        (await db.Opportunities.CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SeedingAgainAddsNothing()
    {
        factory.CreateClient().Dispose();
        await using (var before = factory.CreateDbContext())
        {
            var count = await before.WorkflowItems.CountAsync();
            var statusChanges = await before.OrderStatusHistory.CountAsync();

            using var scope = factory.Services.CreateScope();
            foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>()) await seeder.SeedAsync(CancellationToken.None);

            (await before.WorkflowItems.CountAsync()).ShouldBe(count);
            (await before.OrderStatusHistory.CountAsync()).ShouldBe(statusChanges);
        }
    }
}
