using System.Text.RegularExpressions;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// Lays out Stateless's DOT export as an SVG drawing without Graphviz: steps in columns by their longest
/// path from the start (left to right), forward edges as curves (skipping columns arc above), edges back
/// to an earlier step arc below, repeated steps loop over the node. Parallel edges share one label.
/// </summary>
public sealed partial class DotDiagramLayout
{
    public const int NodeWidth = 200;
    public const int NodeHeight = 44;
    private const int ColumnGap = 330;
    private const int RowGap = 120;
    private const int Margin = 40;

    public sealed record Node(string Name, double X, double Y, int Column);

    public sealed record Edge(Node From, Node To, IReadOnlyList<string> Labels, string Path, double LabelX, double LabelY);

    public IReadOnlyList<Node> Nodes { get; }
    public IReadOnlyList<Edge> Edges { get; }
    public string? Start { get; }
    public double Width { get; }
    public double Height { get; }

    public DotDiagramLayout(string dot)
    {
        var names = NodeLine().Matches(dot).Select(m => m.Groups[1].Value).Distinct().ToList();
        var raw = EdgeLine().Matches(dot).Select(m => (From: m.Groups[1].Value, To: m.Groups[2].Value, Label: m.Groups[3].Value)).ToList();
        Start = InitLine().Match(dot) is { Success: true } init ? init.Groups[1].Value : names.FirstOrDefault();

        var columns = Columns(names, raw.Select(e => (e.From, e.To)).ToList(), Start);
        var byColumn = names.GroupBy(n => columns[n]).ToDictionary(g => g.Key, g => g.ToList());
        var rows = byColumn.Values.Max(l => l.Count);
        var nodes = new Dictionary<string, Node>();
        foreach (var (column, members) in byColumn)
            for (var i = 0; i < members.Count; i++)
            {
                // Columns are centred vertically so a single step sits level with the middle of a crowded column.
                var offset = (rows - members.Count) * RowGap / 2.0;
                nodes[members[i]] = new Node(members[i], Margin + column * ColumnGap, Margin + 110 + offset + i * RowGap, column);
            }

        Nodes = names.Select(n => nodes[n]).ToList();
        Edges = raw.GroupBy(e => (e.From, e.To))
            .Select(g => Route(nodes[g.Key.From], nodes[g.Key.To], g.Select(e => e.Label).Distinct().ToList()))
            .ToList();
        Width = Margin * 2 + (byColumn.Keys.Max() * ColumnGap) + NodeWidth + 60;
        Height = Margin * 2 + 110 + rows * RowGap + 80;
    }

    private static Dictionary<string, int> Columns(List<string> names, List<(string From, string To)> edges, string? start)
    {
        // Edges back to a step on the current depth-first path are loops in the workflow (Reopen, No reply): ignored for columns.
        var forward = new List<(string From, string To)>();
        var onPath = new HashSet<string>();
        var seen = new HashSet<string>();
        void Visit(string node)
        {
            seen.Add(node);
            onPath.Add(node);
            foreach (var edge in edges.Where(e => e.From == node && e.To != node))
            {
                if (onPath.Contains(edge.To)) continue;
                forward.Add(edge);
                if (!seen.Contains(edge.To)) Visit(edge.To);
            }
            onPath.Remove(node);
        }
        if (start is not null) Visit(start);
        foreach (var name in names.Where(n => !seen.Contains(n))) Visit(name);

        var column = names.ToDictionary(n => n, _ => 0);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (from, to) in forward.Distinct())
                if (column[to] < column[from] + 1 && column[from] + 1 < names.Count) { column[to] = column[from] + 1; changed = true; }
        }
        return column;
    }

    private static Edge Route(Node from, Node to, IReadOnlyList<string> labels)
    {
        var (fx, fy, tx, ty) = (from.X, from.Y, to.X, to.Y);
        if (from == to)
        {
            var (left, right, top) = (fx + NodeWidth * 0.3, fx + NodeWidth * 0.7, fy);
            return new Edge(from, to, labels, $"M {left} {top} C {left - 20} {top - 70}, {right + 20} {top - 70}, {right} {top}", fx + NodeWidth / 2.0, top - 52);
        }
        if (to.Column > from.Column)
        {
            var (sx, sy, ex, ey) = (fx + NodeWidth, fy + NodeHeight / 2.0, tx, ty + NodeHeight / 2.0);
            // A skip over columns bows upward so it does not cut through the steps in between.
            var lift = (to.Column - from.Column - 1) * 75.0;
            var (c1x, c1y, c2x, c2y) = (sx + 80, sy - lift, ex - 80, ey - lift);
            // Labels of long edges sit near their target, clear of the steps they pass over.
            var t = to.Column - from.Column > 1 ? 0.7 : 0.5;
            return new Edge(from, to, labels, $"M {sx} {sy} C {c1x} {c1y}, {c2x} {c2y}, {ex} {ey}",
                Bezier(sx, c1x, c2x, ex, t), Bezier(sy, c1y, c2y, ey, t));
        }
        {
            // Back to an earlier (or same-column) step: an arc underneath.
            var (sx, sy, ex, ey) = (fx + NodeWidth / 2.0, fy + NodeHeight, tx + NodeWidth / 2.0, ty + NodeHeight);
            var depth = Math.Max(sy, ey) + 50 + Math.Abs(from.Column - to.Column) * 12;
            return new Edge(from, to, labels, $"M {sx} {sy} C {sx} {depth}, {ex} {depth}, {ex} {ey}",
                (sx + ex) / 2, Bezier(sy, depth, depth, ey, 0.5));
        }
    }

    private static double Bezier(double p0, double p1, double p2, double p3, double t)
    {
        var u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    [GeneratedRegex("""^"([^"]+)" \[label=""", RegexOptions.Multiline)]
    private static partial Regex NodeLine();

    [GeneratedRegex("""^"([^"]+)" -> "([^"]+)" \[[^\]]*?label="([^"]*)"\];""", RegexOptions.Multiline)]
    private static partial Regex EdgeLine();

    [GeneratedRegex("init -> \"([^\"]+)\"")]
    private static partial Regex InitLine();
}
