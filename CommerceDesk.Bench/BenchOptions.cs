using System.Globalization;

namespace CommerceDesk.Bench;

public sealed record BenchOptions(string Command, double Scale, BenchDatabase Database, string Output)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var scale = double.Parse(Value("--scale", "1"), CultureInfo.InvariantCulture);
        if (scale is <= 0 or > 10) throw new ArgumentException("--scale must be in (0, 10].");
        var provider = Value("--provider", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => Data.DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => Data.DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"--provider '{other}': use sqlite or postgres."),
        };
        var database = provider == Data.DatabaseProvider.Postgres
            ? Value("--db", "") is { Length: > 0 } connection ? connection : throw new ArgumentException("--provider postgres needs --db \"Host=…;Database=…;Username=…\".")
            : Value("--db", Path.Combine(Path.GetTempPath(), "commercedesk-bench", "bench.db"));
        return new BenchOptions(command, scale, new BenchDatabase(provider, database),
            Value("--out", scale >= 1 && command == "all" ? "docs/benchmarks.md" : Path.Combine(Path.GetTempPath(), "commercedesk-bench", "benchmarks.md")));
    }
}
