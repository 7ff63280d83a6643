using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Data.Interceptors;
using CommerceDesk.Tests.Email;
using CommerceDesk.Web.Carts.Abandonment;
using CommerceDesk.Web.Email.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceDesk.Tests.Jobs;

/// <summary>
/// DESIGN §10: the sweep's cost grows with the carts that are due, not with the table. Every query it sends to
/// the Carts table is checked with EXPLAIN QUERY PLAN: each must seek an index, never scan the table.
/// </summary>
// SQLite only: the plans are read in SQLite's EXPLAIN QUERY PLAN form.
public sealed class AbandonedCartSweepQueryPlanTests : IAsyncLifetime
{
    private EmailTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await EmailTestKit.CreateAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task TheSweepReadsCartsOnlyThroughIndexes()
    {
        var channel = await _kit.AddChannelAsync();
        for (var i = 0; i < 5; i++) await _kit.AddCartAsync(channel.Id);
        await using (var db = _kit.Db())
        {
            db.Customers.Add(new CommerceDesk.Domain.Customers.Customer(channel.Id, "cust-1",
                new CommerceDesk.Domain.Customers.CustomerDetails("kim@example.com", "Kim", "Lee", null, null, false, null), _kit.Now, _kit.Now));
            await db.SaveChangesAsync();
        }
        var linked = await _kit.AddCartAsync(channel.Id, c => c.WithCustomer("cust-1"));
        await using (var db = _kit.Db())
        {
            var cart = await db.Carts.SingleAsync(c => c.Id == linked.Id);
            cart.LinkCustomer(await db.Customers.Select(c => c.Id).SingleAsync());
            await db.SaveChangesAsync();
        }
        _kit.Time.Advance(TimeSpan.FromHours(2));
        var capture = new CommandCapture();
        var factory = new CapturingFactory(_kit.Path, capture);
        var sweep = new AbandonedCartSweep(factory, new CartReminderComposer(_kit.Links), _kit.Time, NullLogger<AbandonedCartSweep>.Instance);

        (await sweep.RunAsync(CancellationToken.None)).RemindersQueued.ShouldBe(6);

        // Every read of the big tables: carts, and the orders and customers the reminder rules look at.
        var reads = capture.Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)
            && new[] { "FROM \"Carts\"", "FROM \"Orders\"", "FROM \"Customers\"" }.Any(c.Sql.Contains)).ToList();
        var cartWrites = capture.Commands.Where(c => c.Sql.TrimStart().StartsWith("UPDATE \"Carts\"", StringComparison.Ordinal)).ToList();
        reads.Count.ShouldBeGreaterThanOrEqualTo(2);
        cartWrites.Count.ShouldBeGreaterThanOrEqualTo(2);

        await using var connection = new SqliteConnection($"Data Source={_kit.Path}");
        await connection.OpenAsync();
        var readPlans = await PlansAsync(connection, reads);
        readPlans.ShouldAllBe(p => !ScansATable(p));
        readPlans.ShouldContain(p => p.Contains("IX_Carts_OpenByLastActivity"));
        readPlans.ShouldContain(p => p.Contains("IX_Carts_ReminderUnchecked"));
        // Reads and writes of a batch of carts by id go by the primary key, never along an index of all open or unchecked carts.
        var byId = readPlans.Where((_, i) => reads[i].Sql.Contains("FROM \"Carts\"", StringComparison.Ordinal)
            && reads[i].Sql.Contains("WHERE \"c\".\"Id\" IN (", StringComparison.Ordinal)).ToList();
        byId.Count.ShouldBeGreaterThanOrEqualTo(2);
        byId.ShouldAllBe(p => p.StartsWith("SEARCH c USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        (await PlansAsync(connection, cartWrites)).ShouldAllBe(p => p == "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)");
    }

    private static async Task<List<string>> PlansAsync(SqliteConnection connection, List<(string Sql, List<(string, object?)> Parameters)> commands)
    {
        var plans = new List<string>();
        foreach (var (sql, parameters) in commands)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var reader = await explain.ExecuteReaderAsync();
            var plan = new List<string>();
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            plans.Add(string.Join(" | ", plan));
        }
        return plans;
    }

    /// <summary>"SCAN x" of a real table (a CO-ROUTINE is the subquery's own result, read once).</summary>
    private static bool ScansATable(string plan)
    {
        var steps = plan.Split(" | ");
        var coroutines = steps.Where(s => s.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(s => s["CO-ROUTINE ".Length..]).ToHashSet();
        return steps.Any(s => s.StartsWith("SCAN ", StringComparison.Ordinal) && !coroutines.Contains(s["SCAN ".Length..].Split(' ')[0]));
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string, object?)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Capture(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Capture(command);
            return ValueTask.FromResult(result);
        }

        private void Capture(DbCommand command)
        {
            lock (Commands)
                Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        }
    }

    private sealed class CapturingFactory(string path, CommandCapture capture) : IDbContextFactory<CommerceDbContext>
    {
        public CommerceDbContext CreateDbContext() => new SqliteCommerceDbContext(
            new DbContextOptionsBuilder<SqliteCommerceDbContext>()
                .UseSqlite($"Data Source={path}")
                .AddInterceptors(new SqlitePragmaInterceptor(), new VersionInterceptor(), capture)
                .Options);
    }
}
