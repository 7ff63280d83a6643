using System.Globalization;
using CommerceDesk.Bench.Dataset;
using CommerceDesk.Bench.Reporting;
using CommerceDesk.Data;
using CommerceDesk.Web.Accounts;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Products;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Bench.Grids;

/// <summary>
/// The pages' own grid queries (OrderGridQuery, CartGridQuery, CustomerGridQuery, ProductGridQuery, OpportunityGridQuery, AccountGridQuery: one round trip for the rows, one for the count),
/// each case timed end to end through EF Core, and the same SQL run raw on a plain connection for the ratio.
/// </summary>
internal sealed class GridBenchmarks(BenchDatabase database, int runs)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DatasetSpec.Now);

    public async Task RunAsync(BenchReport report)
    {
        await using var services = new ServiceCollection()
            .AddCommerceData(database.Options, AppContext.BaseDirectory)
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<CommerceDbContext>>();
        var recorder = new CommandRecorder();
        long channel;
        int orderCount, cartCount, customerCount, accountCount;
        string accountName, lastName, email, number, cartId, customerEmail;
        await using (var db = await factory.CreateDbContextAsync())
        {
            // A data set generated before the latest migration gets its indexes here (a no-op when up to date).
            await db.Database.MigrateAsync();
            channel = await db.Channels.Where(c => c.Code == "b2b").Select(c => c.Id).SingleAsync();
            orderCount = await db.Orders.CountAsync();
            cartCount = await db.Carts.CountAsync();
            customerCount = await db.Customers.CountAsync();
            accountCount = await db.Accounts.CountAsync();
            // Search terms taken from the data (the middle row's), so each search finds something real at any scale.
            var middle = customerCount / 2;
            lastName = (await db.Customers.OrderBy(c => c.Id).Skip(middle).Select(c => c.LastName).FirstAsync())!;
            // Accounts are named as their customer, first name first: a first name is what a manager types.
            accountName = (await db.Customers.OrderBy(c => c.Id).Skip(middle).Select(c => c.FirstName).FirstAsync())!;
            customerEmail = (await db.Customers.OrderBy(c => c.Id).Skip(middle).Select(c => c.Email).FirstAsync())!;
            email = (await db.Orders.OrderBy(o => o.Id).Skip(middle).Select(o => o.Email).FirstAsync())!;
            number = await db.Orders.OrderBy(o => o.Id).Skip(middle).Select(o => o.Number).FirstAsync();
            cartId = await db.Carts.OrderBy(c => c.Id).Skip(middle).Select(c => c.ExternalId).FirstAsync();
        }

        // A quarter into the table: offset 250,000 at one million rows.
        GridPaging Deep(int rows) => new(Page: rows / 4 / 50, PageSize: 50);
        string DeepName(int rows) => $"deep page (offset {rows / 4 / 50 * 50:N0})";
        var orderCases = new (string Name, OrderGridFilter Filter, GridPaging Paging)[]
        {
            ("orders: first page", new(), Page()),
            ($"orders: {DeepName(orderCount)}", new(), Deep(orderCount)),
            ("orders: status Incoming", new(Status: "Incoming"), Page()),
            ("orders: status Completed", new(Status: "Completed"), Page()),
            ("orders: channel", new(ChannelId: channel), Page()),
            ("orders: last 30 days", new(PlacedFrom: Today.AddDays(-30), PlacedTo: Today), Page()),
            ("orders: assignee (one of eight)", new(AssigneeId: Dataset.DatasetGenerator.BenchAssignee(0)), Page()),
            ("orders: unassigned", new(AssigneeId: OrderGridFilter.Unassigned), Page()),
            ("orders: workflow step Not contacted", new(WorkflowStep: Domain.Workflows.OrderFollowUpWorkflow.Steps.NotContacted), Page()),
            ("orders: sort by placed, oldest first", new(), Page("PlacedAt", false)),
            ("orders: sort by number", new(), Page("Number", false)),
            ("orders: sort by number desc", new(), Page("Number", true)),
            ("orders: sort by subtotal", new(), Page("Subtotal", false)),
            ("orders: sort by subtotal desc", new(), Page("Subtotal", true)),
            ("orders: sort by status", new(), Page("Status", false)),
            ("orders: sort by status desc", new(), Page("Status", true)),
            ("orders: sort by e-mail", new(), Page("Email", false)),
            ("orders: sort by e-mail desc", new(), Page("Email", true)),
            ($"orders: search name '{lastName}'", new(Search: lastName), Page()),
            ("orders: search e-mail", new(Search: email), Page()),
            ("orders: search number", new(Search: number), Page()),
        };
        var cartCases = new (string Name, CartGridFilter Filter, GridPaging Paging)[]
        {
            ("carts: first page", new(), Page()),
            ($"carts: {DeepName(cartCount)}", new(), Deep(cartCount)),
            ("carts: status Abandoned", new(Status: Domain.Carts.CartStatus.Abandoned), Page()),
            ("carts: status Purchased", new(Status: Domain.Carts.CartStatus.Purchased), Page()),
            ("carts: channel", new(ChannelId: channel), Page()),
            ("carts: last 30 days", new(ActiveFrom: Today.AddDays(-30), ActiveTo: Today), Page()),
            ("carts: workflow step Open", new(WorkflowStep: Domain.Workflows.AbandonedShoppingCartWorkflow.Steps.Open), Page()),
            ("carts: sort by activity, oldest first", new(), Page("LastActivityAt", false)),
            ("carts: sort by cart id", new(), Page("ExternalId", false)),
            ("carts: sort by cart id desc", new(), Page("ExternalId", true)),
            ("carts: sort by subtotal", new(), Page("Subtotal", false)),
            ("carts: sort by subtotal desc", new(), Page("Subtotal", true)),
            ("carts: sort by items", new(), Page("ItemCount", false)),
            ("carts: sort by items desc", new(), Page("ItemCount", true)),
            ("carts: sort by status", new(), Page("Status", false)),
            ("carts: sort by status desc", new(), Page("Status", true)),
            ($"carts: search name '{lastName}'", new(Search: lastName), Page()),
            ("carts: search e-mail", new(Search: email), Page()),
            ("carts: search cart id", new(Search: cartId), Page()),
        };
        var customerCases = new (string Name, CustomerGridFilter Filter, GridPaging Paging)[]
        {
            ("customers: first page", new(), Page()),
            ($"customers: {DeepName(customerCount)}", new(), Deep(customerCount)),
            ("customers: channel", new(ChannelId: channel), Page()),
            ("customers: guests", new(Guests: true), Page()),
            ("customers: last 30 days", new(CreatedFrom: Today.AddDays(-30), CreatedTo: Today), Page()),
            ("customers: sort by name", new(), Page("Name", false)),
            ("customers: sort by name desc", new(), Page("Name", true)),
            ("customers: sort by e-mail", new(), Page("Email", false)),
            ("customers: sort by e-mail desc", new(), Page("Email", true)),
            ("customers: sort by created, oldest first", new(), Page("CreatedAt", false)),
            ($"customers: search name '{lastName}'", new(Search: lastName), Page()),
            ("customers: search e-mail", new(Search: customerEmail), Page()),
        };
        var productCases = new (string Name, ProductGridFilter Filter, GridPaging Paging)[]
        {
            ("products: first page", new(), Page()),
            ("products: channel", new(ChannelId: channel), Page()),
            ("products: oversold", new(Oversold: true), Page()),
            ("products: sort by available", new(), Page("Available", false)),
            ("products: sort by on hand desc", new(), Page("OnHand", true)),
            ("products: search SKU", new(Search: "SKU-0123"), Page()),
            ("products: search name", new(Search: "product 42"), Page()),
        };

        var opportunityCases = new (string Name, CommerceDesk.Web.Opportunities.OpportunityGridFilter Filter, GridPaging Paging)[]
        {
            ("opportunities: first page", new(), Page("CloseDate", false)),
            ("opportunities: stage Qualification", new(Stage: "Qualification"), Page("CloseDate", false)),
            ("opportunities: owner", new(Owner: "Ben Ortiz"), Page("CloseDate", false)),
            ("opportunities: close month", new(CloseMonth: new DateOnly(2026, 12, 1)), Page("CloseDate", false)),
            ("opportunities: source order", new(Source: CommerceDesk.Web.Opportunities.OpportunitySource.Order), Page("CloseDate", false)),
            ("opportunities: sort by amount desc", new(), Page("Amount", true)),
            ("opportunities: search name", new(Search: "Opportunity 00001"), Page("CloseDate", false)),
        };

        var accountCases = new (string Name, AccountGridFilter Filter, GridPaging Paging)[]
        {
            ("accounts: first page", new(), Page("Name", false)),
            ($"accounts: {DeepName(accountCount)}", new(), Deep(accountCount) with { SortBy = "Name", Descending = false }),
            ("accounts: sort by lifetime value desc", new(), Page("LifetimeSalesValue", true)),
            ("accounts: sort by customers desc", new(), Page("CustomerCount", true)),
            ($"accounts: search name '{accountName}'", new(Search: accountName), Page("Name", false)),
            ("accounts: inactive", new(Active: false), Page("Name", false)),
            ("accounts: active only by lifetime value desc", new(Active: true), Page("LifetimeSalesValue", true)),
        };

        await MeasureAsync(report, new OrderGridQuery(), orderCases, factory, recorder);
        await MeasureAsync(report, new CartGridQuery(), cartCases, factory, recorder);
        await MeasureAsync(report, new CustomerGridQuery(), customerCases, factory, recorder);
        await MeasureAsync(report, new ProductGridQuery(), productCases, factory, recorder);
        await MeasureAsync(report, new CommerceDesk.Web.Opportunities.OpportunityGridQuery(), opportunityCases, factory, recorder);
        await MeasureAsync(report, new AccountGridQuery(), accountCases, factory, recorder);

        report.Section("Grid queries (target p95 ≤ 30 ms, within 2× of raw SQL)",
            BenchReport.Table(["query (page of 50 + total count)", "rows matched", "app p50 ms", "app p95 ms", "app max ms", "raw p50 ms", "raw p95 ms", "app/raw p95"],
                report.GridResults.Select(r => new[]
                {
                    r.Name, r.App.Detail, BenchReport.Ms(r.App.P50), BenchReport.Ms(r.App.P95), BenchReport.Ms(r.App.Max),
                    BenchReport.Ms(r.Raw!.P50), BenchReport.Ms(r.Raw.P95), (r.App.P95 / r.Raw.P95).ToString("F2", CultureInfo.InvariantCulture),
                })) +
            $"\nApp = the grid's query class through EF Core on a fresh context per run (as a page does); raw = the SQL EF generated for the same page and count, run on an open {(database.IsPostgres ? "NpgsqlConnection" : "SqliteConnection")}. {runs} runs after 3 warm-ups.");
        report.Section($"Grid query plans ({(database.IsPostgres ? "EXPLAIN" : "EXPLAIN QUERY PLAN")} of the count, then the page)",
            string.Join("\n", _plans.Select(p => $"<details><summary>{p.Name}</summary>\n\n```\n{p.Plans}\n```\n</details>\n")));
    }

    private readonly List<(string Name, string Plans)> _plans = [];

    /// <summary>EXPLAIN QUERY PLAN of each command a page sent, so a slow case shows its scan or temp B-tree.</summary>
    private static async Task<string> PlansAsync(System.Data.Common.DbConnection connection, List<(string Sql, (string Name, object? Value)[] Parameters)> commands)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (sql, parameters) in commands)
        {
            await using var command = Command(connection, sql, parameters);
            if (connection is not SqliteConnection)
            {
                command.CommandText = "EXPLAIN " + sql;
                await using var plan = await command.ExecuteReaderAsync();
                while (await plan.ReadAsync()) text.AppendLine(plan.GetString(0));
                text.AppendLine();
                continue;
            }
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync();
            var depth = new Dictionary<long, int> { [0] = -1 };
            while (await reader.ReadAsync())
            {
                var level = depth.GetValueOrDefault(reader.GetInt64(1), -1) + 1;
                depth[reader.GetInt64(0)] = level;
                text.Append(' ', 2 * level).AppendLine(reader.GetString(3));
            }
            text.AppendLine();
        }
        return text.ToString().TrimEnd();
    }

    private static System.Data.Common.DbCommand Command(System.Data.Common.DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static GridPaging Page(string? sortBy = null, bool descending = true) => new(0, 50, sortBy, descending);

    /// <summary>Each case of one grid, run through the grid's own query as its page runs it.</summary>
    private async Task MeasureAsync<TFilter, TRow>(BenchReport report, IGridQuery<TFilter, TRow> query, (string Name, TFilter Filter, GridPaging Paging)[] cases,
        IDbContextFactory<CommerceDbContext> factory, CommandRecorder recorder)
    {
        foreach (var (name, filter, paging) in cases)
            await MeasureAsync(report, name, factory, recorder, db => query.RunAsync(db, filter, paging));
    }

    private async Task MeasureAsync<TRow>(BenchReport report, string name, IDbContextFactory<CommerceDbContext> factory,
        CommandRecorder recorder, Func<CommerceDbContext, Task<GridPage<TRow>>> run)
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
        await using (var db = database.CreateContext(recorder)) await run(db);
        recorder.Recording = false;
        var commands = recorder.Commands.ToList();
        await using var connection = await database.OpenAsync();
        var raw = await Latency.MeasureAsync(name, async () =>
        {
            foreach (var (sql, parameters) in commands)
            {
                await using var command = Command(connection, sql, parameters);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            }
            return "";
        }, runs);

        report.GridResults.Add((name, app, raw));
        _plans.Add((name, await PlansAsync(connection, commands)));
        Console.WriteLine($"  {name,-36} app p50 {app.P50,7:F2} p95 {app.P95,7:F2} ms | raw p95 {raw.P95,7:F2} ms | {app.Detail} rows");
    }
}
