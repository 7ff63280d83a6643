using System.Globalization;
using CommerceDesk.Bench;
using CommerceDesk.Bench.Api;
using CommerceDesk.Bench.Dataset;
using CommerceDesk.Bench.Grids;
using CommerceDesk.Bench.Reporting;
using CommerceDesk.Bench.Sweep;

// dotnet run -c Release --project CommerceDesk.Bench -- all|generate|grids|sweep|api [--scale 1] [--provider sqlite|postgres] [--db path or connection string] [--out docs/benchmarks.md]
// `all` builds a fresh data set and runs every part; the other commands work on the database --db names (built first if missing).
var options = BenchOptions.Parse(args);
var spec = DatasetSpec.At(options.Scale);
var report = new BenchReport($"{spec.Customers:N0} customers, {spec.Carts:N0} carts, {spec.Orders:N0} orders (scale {options.Scale.ToString(CultureInfo.InvariantCulture)}, seed {spec.Seed}), {options.Database.Describe}");
var runs = options.Command switch
{
    "all" => new[] { "generate", "grids", "sweep", "api" },
    "generate" or "grids" or "sweep" or "api" => [options.Command],
    _ => throw new ArgumentException($"Unknown command '{options.Command}': use all, generate, grids, sweep or api."),
};

if (runs.Contains("generate") || !await options.Database.ExistsAsync())
{
    Console.WriteLine($"Generating {spec.Customers:N0} customers (each with an account), {spec.Carts:N0} carts, {spec.Orders:N0} orders into the {options.Database.Describe} …");
    var elapsed = await new DatasetGenerator(spec, options.Database, Console.Out).GenerateAsync();
    var rows = spec.Customers * 2 + spec.Carts * 3 + spec.Orders * 3; // customers and their accounts; carts and orders average two lines each
    report.Section("Data set generation", BenchReport.Table(["rows (incl. lines)", "seconds", "rows/s", "file size"],
        [[rows.ToString("N0", CultureInfo.InvariantCulture), elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
          (rows / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture), $"{await DatasetGenerator.SizeInMiBAsync(options.Database)} MiB"]]));
}
else
{
    // A kept data set follows the schema: new migrations apply to it as they would to a shop's database.
    await DatasetGenerator.MigrateAsync(options.Database);
}

if (runs.Contains("grids")) await new GridBenchmarks(options.Database, options.Scale >= 1 ? 30 : 5).RunAsync(report);
if (runs.Contains("sweep")) await new SweepBenchmark(options.Database, options.Scale).RunAsync(report);
if (runs.Contains("api")) await new ApiThroughputBenchmark(options.Database, Math.Max(200, (int)(20_000 * options.Scale))).RunAsync(report);

await report.WriteAsync(options.Output);
Console.WriteLine("benchmarks completed");
