using System.Globalization;
using System.Net;
using System.Text;

namespace CommerceDesk.Bench.Reporting;

/// <summary>A horizontal bar chart (SVG) of p50/p95 per grid query, with the 30 ms target line.</summary>
internal static class LatencyChart
{
    public static string Svg(IReadOnlyList<(string Name, Latency App, Latency? Raw)> results, double targetMs = 30)
    {
        const int left = 260, barHeight = 10, rowHeight = 30, width = 900;
        var max = Math.Max(targetMs * 1.2, results.Max(r => r.App.P95));
        var scale = (width - left - 40) / max;
        var height = results.Count * rowHeight + 60;
        var svg = new StringBuilder();
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        svg.AppendLine("<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Grid queries: p50 (dark) and p95 (light), ms, page + count</text>");
        for (var i = 0; i < results.Count; i++)
        {
            var (name, app, _) = results[i];
            var y = 36 + i * rowHeight;
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{WebUtility.HtmlEncode(name)}</text>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{F(app.P95 * scale)}\" height=\"{barHeight * 2}\" fill=\"#9ecae1\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 5}\" width=\"{F(app.P50 * scale)}\" height=\"{barHeight}\" fill=\"#08519c\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{F(left + app.P95 * scale + 6)}\" y=\"{y + 14}\">{F(app.P50)} / {F(app.P95)}</text>");
        }
        var targetX = F(left + targetMs * scale);
        svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{targetX}\" y1=\"28\" x2=\"{targetX}\" y2=\"{height - 20}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{targetX}\" y=\"{height - 6}\" fill=\"#d62728\" text-anchor=\"middle\">target {targetMs} ms</text>");
        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
