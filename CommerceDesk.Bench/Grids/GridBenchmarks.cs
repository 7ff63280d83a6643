using System.Globalization;
using CommerceDesk.Bench.Dataset;
using CommerceDesk.Bench.Reporting;
using CommerceDesk.Data;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Bench.Grids;

/// <summary>
/// The pages' own grid queries (OrderGridQuery, CartGridQuery: one round trip for the rows, one for the count),
/// each case timed end to end through EF Core, and the same SQL run raw on a plain connection for the ratio.
/// </summary>
internal sealed class GridBenchmarks(string database, int runs)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DatasetSpec.Now);

    public async Task RunAsync(BenchReport report)
    {
        await using var services = new ServiceCollection()
            .AddCommerceData(new DatabaseOptions { ConnectionString = $"Data Source={Path.GetFullPath(database)}" }, AppContext.BaseDirectory)
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<CommerceDbContext>>();
        var recorder = new CommandRecorder();
        var recordingOptions = new DbContextOptionsBuilder<SqliteCommerceDbContext>()
            .UseSqlite($"Data Source={Path.GetFullPath(database)}").AddInterceptors(recorder).Options;
        long channel;
        string lastName, email, number, cartId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            channel = await db.Channels.Where(c => c.Code == "b2b").Select(c => c.Id).SingleAsync();
            // Search terms taken from the data (the middle row's), so each search finds something real at any scale.
            var middle = await db.Customers.CountAsync() / 2;
            lastName = (await db.Customers.OrderBy(c => c.Id).Skip(middle).Select(c => c.LastName).FirstAsync())!;
            email = (await db.Orders.OrderBy(o => o.Id).Skip(middle).Select(o => o.Email).FirstAsync())!;
            number = await db.Orders.OrderBy(o => o.Id).Skip(middle).Select(o => o.Number).FirstAsync();
            cartId = await db.Carts.OrderBy(c => c.Id).Skip(middle).Select(c => c.ExternalId).FirstAsync();
        }

        var deepPage = new GridPaging(Page: 10_000 / 2, PageSize: 50); // rows 250,000+ at scale 1
        var orderCases = new (string Name, OrderGridFilter Filter, GridPaging Paging)[]
        {
            ("orders: first page", new(), Page()),
            ("orders: deep page (offset 250k)", new(), deepPage),
            ("orders: status Incoming", new(Status: "Incoming"), Page()),
            ("orders: channel", new(ChannelId: channel), Page()),
            ("orders: last 30 days", new(PlacedFrom: Today.AddDays(-30), PlacedTo: Today), Page()),
            ("orders: sort by number", new(), Page("Number", false)),
            ("orders: sort by subtotal", new(), Page("Subtotal", true)),
            ("orders: sort by status", new(), Page("Status", false)),
            ("orders: sort by e-mail", new(), Page("Email", false)),
            ($"orders: search name '{lastName}'", new(Search: lastName), Page()),
            ("orders: search e-mail", new(Search: email), Page()),
            ("orders: search number", new(Search: number), Page()),
        };
        var cartCases = new (string Name, CartGridFilter Filter, GridPaging Paging)[]
        {
            ("carts: first page", new(), Page()),
            ("carts: deep page (offset 250k)", new(), deepPage),
            ("carts: status Abandoned", new(Status: Domain.Carts.CartStatus.Abandoned), Page()),
            ("carts: channel", new(ChannelId: channel), Page()),
            ("carts: last 30 days", new(ActiveFrom: Today.AddDays(-30), ActiveTo: Today), Page()),
            ("carts: sort by subtotal", new(), Page("Subtotal", true)),
            ($"carts: search name '{lastName}'", new(Search: lastName), Page()),
            ("carts: search e-mail", new(Search: email), Page()),
            ("carts: search cart id", new(Search: cartId), Page()),
        };

        foreach (var (name, filter, paging) in orderCases)
            await MeasureAsync(report, name, factory, recorder, recordingOptions, db => OrderGridQuery.RunAsync(db, filter, paging));
        foreach (var (name, filter, paging) in cartCases)
            await MeasureAsync(report, name, factory, recorder, recordingOptions, db => CartGridQuery.RunAsync(db, filter, paging));

        report.Section("Grid queries (target p95 ≤ 30 ms, within 2× of raw SQL)",
            BenchReport.Table(["query (page of 50 + total count)", "rows matched", "app p50 ms", "app p95 ms", "app max ms", "raw p50 ms", "raw p95 ms", "app/raw p95"],
                report.GridResults.Select(r => new[]
                {
                    r.Name, r.App.Detail, BenchReport.Ms(r.App.P50), BenchReport.Ms(r.App.P95), BenchReport.Ms(r.App.Max),
                    BenchReport.Ms(r.Raw!.P50), BenchReport.Ms(r.Raw.P95), (r.App.P95 / r.Raw.P95).ToString("F2", CultureInfo.InvariantCulture),
                })) +
            $"\nApp = the grid's query class through EF Core on a fresh context per run (as a page does); raw = the SQL EF generated for the same page and count, run on an open SqliteConnection. {runs} runs after 3 warm-ups.");
    }

    private static GridPaging Page(string? sortBy = null, bool descending = true) => new(0, 50, sortBy, descending);

    private async Task MeasureAsync<TRow>(BenchReport report, string name, IDbContextFactory<CommerceDbContext> factory,
        CommandRecorder recorder, DbContextOptions<SqliteCommerceDbContext> recordingOptions, Func<CommerceDbContext, Task<GridPage<TRow>>> run)
    {
        var app = await Latency.MeasureAsync(name, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var page = await run(db);
            return page.TotalCount.ToString("N0", CultureInfo.InvariantCulture);
        }, runs);

        // The very commands the app sent for this page (count, then rows), replayed on a plain open connection.
        recorder.Commands.Clear();
        recorder.Recording = true;
        await using (var db = new SqliteCommerceDbContext(recordingOptions)) await run(db);
        recorder.Recording = false;
        var commands = recorder.Commands.ToList();
        await using var connection = new SqliteConnection($"Data Source={Path.GetFullPath(database)}");
        await connection.OpenAsync();
        var raw = await Latency.MeasureAsync(name, async () =>
        {
            foreach (var (sql, parameters) in commands)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (parameter, value) in parameters) command.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            }
            return "";
        }, runs);

        report.GridResults.Add((name, app, raw));
        Console.WriteLine($"  {name,-36} app p50 {app.P50,7:F2} p95 {app.P95,7:F2} ms | raw p95 {raw.P95,7:F2} ms | {app.Detail} rows");
    }
}
