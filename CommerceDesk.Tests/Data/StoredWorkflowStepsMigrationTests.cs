using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommerceDesk.Tests.Data;

/// <summary>Records from before every cart and order stored its workflow step get the step the grids showed for them.</summary>
// SQLite only: the PostgreSQL set began after this migration, so no PostgreSQL database holds rows from before it.
public sealed class StoredWorkflowStepsMigrationTests : IDisposable
{
    private readonly string _path = TestDatabase.NewPath();

    [Fact]
    public async Task MissingStepsBecomeTheStartStepOrConvertedForPurchasedCarts()
    {
        await using (var db = new SqliteCommerceDbContext(TestDatabase.Options(_path)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_StoredWorkflowSteps", StringComparison.Ordinal));
            // Rows are written with today's model, then the schema is taken back to before the migration under test.
            await db.Database.MigrateAsync();

            var channel = new Channel("web", "Web", "EUR");
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
            var open = new CartBuilder().InChannel(channel.Id).WithExternalId("open").WithItem("A", 1).Build();
            var bought = new CartBuilder().InChannel(channel.Id).WithExternalId("bought").WithItem("A", 1).Build();
            var moved = new CartBuilder().InChannel(channel.Id).WithExternalId("moved").WithItem("A", 1).Build();
            var order = new OrderBuilder().InChannel(channel.Id).WithExternalId("o1").Build();
            db.AddRange(open, bought, moved, order);
            await db.SaveChangesAsync();
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
            // The rows as the old code wrote them: no step until the workflow moved.
            await db.Database.ExecuteSqlAsync($"UPDATE Carts SET WorkflowStep = NULL WHERE Id IN ({open.Id}, {bought.Id})");
            await db.Database.ExecuteSqlAsync($"UPDATE Carts SET WorkflowStep = 'contacted', Status = 'Purchased' WHERE Id = {moved.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE Carts SET Status = 'Purchased' WHERE Id = {bought.Id}");
            await db.Database.ExecuteSqlRawAsync("UPDATE Orders SET WorkflowStep = NULL");

            await db.Database.MigrateAsync();
        }

        await using var check = new SqliteCommerceDbContext(TestDatabase.Options(_path));
        (await check.Carts.OrderBy(c => c.Id).Select(c => new { c.ExternalId, c.WorkflowStep, c.Status }).ToListAsync())
            .Select(c => (c.ExternalId, c.WorkflowStep, c.Status))
            .ShouldBe([("open", "open", CartStatus.Open), ("bought", "converted", CartStatus.Purchased), ("moved", "contacted", CartStatus.Purchased)]);
        (await check.Orders.Select(o => o.WorkflowStep).SingleAsync()).ShouldBe("not_contacted");
    }

    public void Dispose() => TestDatabase.Delete(_path);
}
