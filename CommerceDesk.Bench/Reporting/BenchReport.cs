using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CommerceDesk.Bench.Reporting;

/// <summary>Collects sections of results and writes them as Markdown (plus an SVG chart of grid latencies).</summary>
public sealed class BenchReport(string dataset)
{
    private readonly StringBuilder _body = new();
    private readonly string _loadAtStart = LoadAverage();

    public List<(string Name, Latency App, Latency? Raw)> GridResults { get; } = [];

    public void Section(string title, string text)
    {
        _body.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine().AppendLine(text).AppendLine();
        Console.WriteLine($"\n## {title}\n{text}");
    }

    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var h = header.ToList();
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", h) + " |");
        sb.AppendLine("|" + string.Concat(h.Select(_ => "---|")));
        foreach (var row in rows) sb.AppendLine("| " + string.Join(" | ", row) + " |");
        return sb.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    public async Task WriteAsync(string markdownPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!);
        var chart = Path.ChangeExtension(markdownPath, null) + "-grids.svg";
        var header = new StringBuilder()
            .AppendLine("# CommerceDesk benchmarks").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB")
            .AppendLine(CultureInfo.InvariantCulture, $"- Dataset: {dataset}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project CommerceDesk.Bench -- {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`")
            // Other work on a shared machine inflates every figure; the load average says how much there was.
            .AppendLine(CultureInfo.InvariantCulture, $"- Load average (1, 5, 15 min): {_loadAtStart} at the start, {LoadAverage()} at the end")
            .AppendLine("- What the figures led to (causes, fixes, before/after): [performance.md](performance.md)").AppendLine();
        if (GridResults.Count > 0)
        {
            await File.WriteAllTextAsync(chart, LatencyChart.Svg(GridResults));
            header.AppendLine(CultureInfo.InvariantCulture, $"![Grid latencies]({Path.GetFileName(chart)})").AppendLine();
        }
        await File.WriteAllTextAsync(markdownPath, header.ToString() + _body);
        Console.WriteLine($"\nWrote {markdownPath}");
    }
}
