using System.Globalization;

namespace CommerceDesk.Bench;

public sealed record BenchOptions(string Command, double Scale, string Database, string Output)
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
        return new BenchOptions(command, scale,
            Value("--db", Path.Combine(Path.GetTempPath(), "commercedesk-bench", "bench.db")),
            Value("--out", scale >= 1 && command == "all" ? "docs/benchmarks.md" : Path.Combine(Path.GetTempPath(), "commercedesk-bench", "benchmarks.md")));
    }
}
