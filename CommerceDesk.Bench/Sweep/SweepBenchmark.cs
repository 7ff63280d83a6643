using System.Diagnostics;
using System.Globalization;
using CommerceDesk.Bench.Dataset;
using CommerceDesk.Bench.Reporting;
using CommerceDesk.Data;
using CommerceDesk.Web.Carts.Abandonment;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Reminders;
using CommerceDesk.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommerceDesk.Bench.Sweep;

/// <summary>
/// The app's own AbandonedCartSweep against the big table: first with a small number of carts due, then with ten
/// times as many. Cost per due cart staying flat while the table stays the same size shows cost follows the due carts.
/// </summary>
internal sealed class SweepBenchmark(BenchDatabase database, double scale)
{
    public async Task RunAsync(BenchReport report)
    {
        await using var services = BuildServices();
        await using (var scope = services.CreateAsyncScope())
            foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
                await seeder.SeedAsync(CancellationToken.None);

        var totalCarts = await ScalarAsync(BenchDatabase.Sql("SELECT COUNT(*) FROM [Carts]"));
        var rows = new List<string[]>();
        foreach (var due in new[] { (int)Math.Max(50, 10_000 * scale), (int)Math.Max(500, 100_000 * scale) })
        {
            await MakeCartsDueAsync(due);
            var sweep = services.GetRequiredService<AbandonedCartSweep>();
            // CPU time too (SQLite runs in this process; PostgreSQL's own work is not in it): on a shared, loaded machine it
            // moves far less than wall time.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = await sweep.RunAsync(CancellationToken.None);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var cpuElapsed = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            rows.Add([totalCarts.ToString("N0", CultureInfo.InvariantCulture), due.ToString("N0", CultureInfo.InvariantCulture),
                result.MarkedAbandoned.ToString("N0", CultureInfo.InvariantCulture), result.RemindersQueued.ToString("N0", CultureInfo.InvariantCulture),
                result.Ineligible.ToString("N0", CultureInfo.InvariantCulture), (elapsed / 1000).ToString("F2", CultureInfo.InvariantCulture),
                (elapsed / due).ToString("F3", CultureInfo.InvariantCulture), (cpuElapsed / due).ToString("F3", CultureInfo.InvariantCulture)]);

            // A second run right after finds nothing due: its cost is the index probe alone.
            clock.Restart();
            var idle = await sweep.RunAsync(CancellationToken.None);
            rows.Add([totalCarts.ToString("N0", CultureInfo.InvariantCulture), "0 (next run)", idle.MarkedAbandoned.ToString(CultureInfo.InvariantCulture),
                idle.RemindersQueued.ToString(CultureInfo.InvariantCulture), idle.Ineligible.ToString(CultureInfo.InvariantCulture),
                clock.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture), "–", "–"]);
        }
        report.Section("Abandoned-cart sweep (cost follows the due carts)",
            BenchReport.Table(["carts in table", "carts due", "marked abandoned", "reminders queued", "not eligible", "seconds", "ms per due cart", "CPU ms per due cart"], rows) +
            "\nThe app's `AbandonedCartSweep` (mark abandoned, apply the reminder rules, render and queue one reminder each) on the data set; " +
            "due carts are open carts made idle for more than the channel's 1-hour delay.");
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> live open carts idle for more than an hour (as a late push would: the
    /// sweep examines every unexamined idle cart, whenever its activity). Their versions are spread over 16 values,
    /// as carts pushed a different number of times are: the sweep writes a batch with one compare-and-swap per
    /// version, so a batch of equal versions would flatter it.
    /// </summary>
    private async Task MakeCartsDueAsync(int count)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = BenchDatabase.Sql("""
            UPDATE [Carts] SET [LastActivityAt] = @idleSince, [AbandonmentCheckedAt] = NULL, [Version] = [Version] + [Id] % 16
            WHERE [Id] IN (SELECT [Id] FROM [Carts] WHERE [Status] = 'Open' AND [LastActivityAt] > @idleSince ORDER BY [Id] LIMIT @count);
            """);
        Add(command, "@idleSince", database.IsPostgres ? DatasetSpec.Now.AddHours(-2) : SqliteText.Time(DatasetSpec.Now.AddHours(-2)));
        Add(command, "@count", count);
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:ResumeLinkKey"] = "benchmark-resume-link-key",
            ["Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), "commercedesk-bench", "mail"),
        }).Build();
        var environment = new BenchEnvironment();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(DatasetSpec.Now));
        services.AddCommerceData(database.Options, environment.ContentRootPath);
        services.AddEmail(configuration, environment);
        return services.BuildServiceProvider();
    }

    private sealed class FixedTimeProvider(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "CommerceDesk.Bench";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
