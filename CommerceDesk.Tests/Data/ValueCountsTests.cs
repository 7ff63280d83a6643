using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommerceDesk.Tests.Data;

/// <summary>The status and workflow-step counters behind the grid totals stay equal to counting the rows, whatever writes them.</summary>
public abstract class ValueCountsTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ValueCountsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ValueCountsTests(DatabaseProvider.Postgres);

    private string _path = "";

    public async Task InitializeAsync() => _path = await TestDatabase.CreateEmptyAsync(provider);

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheMigrationCountsTheRowsAlreadyThere()
    {
        await using (var db = TestDatabase.Open(_path))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_ValueCounts", StringComparison.Ordinal));
            // Rows are written with today's model, then the schema is taken back to before the migration under test.
            await db.Database.MigrateAsync();
            var channel = await AddChannelAsync(db);
            db.AddRange(Cart(channel, "c1"), Cart(channel, "c2"), Order(channel, "o1"));
            await db.SaveChangesAsync();
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Carts\" SET \"WorkflowStep\" = NULL WHERE \"ExternalId\" = 'c2'"); // written outside the app

            await db.Database.MigrateAsync();
        }

        await using var check = TestDatabase.Open(_path);
        (await CountersAsync(check)).ShouldBe(await RowCountsAsync(check));
        (await CountersAsync(check)).ShouldContain(("Carts", "WorkflowStep", "", 1));
    }

    [Fact]
    public async Task InsertsUpdatesAndDeletesKeepEveryCounterEqualToTheRows()
    {
        await MigrateAsync();
        await using var db = TestDatabase.Open(_path);
        var channel = await AddChannelAsync(db);
        var carts = Enumerable.Range(1, 4).Select(i => Cart(channel, $"c{i}")).ToList();
        var orders = Enumerable.Range(1, 3).Select(i => Order(channel, $"o{i}", cart: $"c{i}")).ToList();
        db.AddRange(carts);
        db.AddRange(orders);
        await db.SaveChangesAsync();
        await ShouldMatchAsync(db);

        orders[0].PlacedFrom(carts[0]);   // cart status and step change through the domain
        orders[1].Cancel();               // order status changes
        await db.SaveChangesAsync();
        await ShouldMatchAsync(db);

        await db.Database.ExecuteSqlRawAsync("UPDATE \"Orders\" SET \"WorkflowStep\" = 'contacted' WHERE \"ExternalId\" = 'o3'");
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Carts\" SET \"WorkflowStep\" = NULL, \"Status\" = 'Lost' WHERE \"ExternalId\" = 'c4'");
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Orders\" SET \"Number\" = 'X-1' WHERE \"ExternalId\" = 'o1'"); // no counted column: no change
        await ShouldMatchAsync(db);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Orders\" WHERE \"ExternalId\" = 'o2'");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Carts\" WHERE \"ExternalId\" IN ('c2', 'c3')");
        await ShouldMatchAsync(db);
        (await CountersAsync(db)).ShouldContain(("Orders", "Status", OrderStatuses.Cancelled, 0));
    }

    [Fact]
    public async Task NoFilterOrAStatusOrStepFilterAloneTakesItsTotalFromTheCountersAndAnyOtherFilterCounts()
    {
        await MigrateAsync();
        await using (var seed = TestDatabase.Open(_path))
        {
            var channel = await AddChannelAsync(seed);
            seed.AddRange(Cart(channel, "c1"), Cart(channel, "c2"), Order(channel, "o1"), Order(channel, "o2"), Order(channel, "o3"));
            await seed.SaveChangesAsync();
        }
        var commands = new CommandCounter();
        await using var db = TestDatabase.Open(_path, commands);
        var paging = new GridPaging(PageSize: 2);

        (await new OrderGridQuery().RunAsync(db, new OrderGridFilter(Status: OrderStatuses.Incoming), paging)).TotalCount.ShouldBe(3);
        (await new OrderGridQuery().RunAsync(db, new OrderGridFilter(Search: " ", WorkflowStep: "not_contacted"), paging)).TotalCount.ShouldBe(3);
        // The grids always pass the manager's zone for day filters; with no day filter it changes nothing.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        (await new CartGridQuery().RunAsync(db, new CartGridFilter(Status: CartStatus.Open) { DayZone = berlin }, paging)).TotalCount.ShouldBe(2);
        (await new CartGridQuery().RunAsync(db, new CartGridFilter(Status: CartStatus.Lost), paging)).TotalCount.ShouldBe(0);
        (await new OrderGridQuery().RunAsync(db, new OrderGridFilter(), paging)).TotalCount.ShouldBe(3);
        (await new CartGridQuery().RunAsync(db, new CartGridFilter { DayZone = berlin }, paging)).TotalCount.ShouldBe(2);
        commands.Commands.Count(c => c.Contains("\"ValueCounts\"")).ShouldBe(6);
        commands.Commands.ShouldNotContain(c => c.Contains("COUNT(*)"));

        commands.Reset();
        (await new OrderGridQuery().RunAsync(db, new OrderGridFilter(Status: OrderStatuses.Incoming, Search: "o1"), paging)).TotalCount.ShouldBe(1);
        commands.Commands.ShouldNotContain(c => c.Contains("\"ValueCounts\""));
    }

    private async Task MigrateAsync()
    {
        await using var db = TestDatabase.Open(_path);
        await db.Database.MigrateAsync();
    }

    private static async Task ShouldMatchAsync(CommerceDbContext db) => (await CountersAsync(db)).Where(c => c.Count != 0).ShouldBe(await RowCountsAsync(db));

    private static async Task<List<(string Table, string Column, string Value, int Count)>> CountersAsync(CommerceDbContext db) =>
        (await db.Database.SqlQueryRaw<Counter>("SELECT \"TableName\", \"ColumnName\", \"Value\", \"Count\" FROM \"ValueCounts\" ORDER BY 1, 2, 3").ToListAsync())
        .Select(c => (c.TableName, c.ColumnName, c.Value, c.Count)).ToList();

    private static async Task<List<(string Table, string Column, string Value, int Count)>> RowCountsAsync(CommerceDbContext db)
    {
        var rows = new List<(string, string, string, int)>();
        foreach (var (table, column) in ValueCounts.All.OrderBy(c => c.Table).ThenBy(c => c.Name))
        {
            // Table and column names come from the fixed list above, not from input.
            var sql = $"SELECT '{table}' AS \"TableName\", '{column}' AS \"ColumnName\", coalesce(\"{column}\", '') AS \"Value\", CAST(count(*) AS integer) AS \"Count\" FROM \"{table}\" GROUP BY 3 ORDER BY 3";
            var counts = await db.Database.SqlQueryRaw<Counter>(sql).ToListAsync();
            rows.AddRange(counts.Select(c => (c.TableName, c.ColumnName, c.Value, c.Count)));
        }
        return rows;
    }

    private static async Task<Channel> AddChannelAsync(CommerceDbContext db)
    {
        var channel = new Channel("web", "Web", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }

    private static Cart Cart(Channel channel, string id) =>
        new CartBuilder().InChannel(channel.Id).WithExternalId(id).WithItem("A", 1).Build();

    private static Order Order(Channel channel, string id, string? cart = null) =>
        new OrderBuilder().InChannel(channel.Id).WithExternalId(id).WithNumber(id).FromCart(cart).Build();

    private sealed record Counter(string TableName, string ColumnName, string Value, int Count);

}
