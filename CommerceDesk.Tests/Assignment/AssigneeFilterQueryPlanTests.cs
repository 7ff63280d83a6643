using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Assignment;

/// <summary>The orders grid's assignee filter ("My orders", "Unassigned") walks IX_Orders_Assignee on SQLite: no scan, no sort.</summary>
// SQLite only: the plans are read in SQLite's EXPLAIN QUERY PLAN form.
public sealed class AssigneeFilterQueryPlanTests : IAsyncLifetime
{
    private string _path = "";

    public async Task InitializeAsync()
    {
        _path = await TestDatabase.CreateAsync();
        await using var db = TestDatabase.Open(_path);
        var channel = new Channel("web", "Web shop", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        for (var n = 1; n <= 30; n++)
        {
            var order = new OrderBuilder().InChannel(channel.Id).WithExternalId($"o-{n}").WithNumber($"W-{n}").UpdatedAt(Clock.Start.AddMinutes(n)).Build();
            if (n % 3 != 0) order.AssignTo($"u-{n % 3}");
            db.Orders.Add(order);
        }
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("u-1")]
    [InlineData(OrderGridFilter.Unassigned)]
    public async Task ThePageAndItsCountUseTheAssigneeIndex(string assignee)
    {
        var commands = new CommandCounter();
        await using var db = TestDatabase.Open(_path, commands);

        var rows = await new OrderGridQuery().RunAsync(db, new OrderGridFilter(AssigneeId: assignee), new GridPaging(PageSize: 25));

        rows.TotalCount.ShouldBe(10);
        var plans = new List<string>();
        foreach (var sql in commands.Commands.Where(c => c.Contains("\"Orders\"", StringComparison.Ordinal)))
            plans.Add(await ExplainAsync(db, sql));
        plans.Count.ShouldBe(2);
        plans.ShouldAllBe(plan => plan.Contains("USING COVERING INDEX IX_Orders_Assignee (AssigneeId=?)"));
        // The page's ids come off the index in the grid's order (newest first) with no sort; only the page's own
        // rows are put back in order after the joins, as for every grid filter.
        var page = plans.Single(p => p.Contains("CO-ROUTINE"));
        page[..page.IndexOf("SCAN o1", StringComparison.Ordinal)].ShouldNotContain("TEMP B-TREE");
    }

    private static async Task<string> ExplainAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync()) text.AppendLine(reader.GetString(3));
        return text.ToString();
    }
}
