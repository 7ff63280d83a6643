using System.Diagnostics;

namespace CommerceDesk.Bench.Reporting;

/// <summary>p50/p95/max of repeated runs of one operation, after warm-up runs that are not counted.</summary>
public sealed record Latency(string Name, double P50, double P95, double Max, int Runs, string Detail = "")
{
    public static async Task<Latency> MeasureAsync(string name, Func<Task<string>> run, int runs = 30, int warmUp = 3)
    {
        var detail = "";
        for (var i = 0; i < warmUp; i++) detail = await run();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            detail = await run();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return new Latency(name, Percentile(samples, 0.50), Percentile(samples, 0.95), samples[^1], runs, detail);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
