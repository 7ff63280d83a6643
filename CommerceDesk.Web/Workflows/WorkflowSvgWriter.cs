using System.Globalization;
using System.Net;
using System.Text;
using CommerceDesk.Domain.Workflows;

namespace CommerceDesk.Web.Workflows;

/// <summary>Writes a workflow's diagram as SVG markup from Stateless's DOT export; every label is HTML-encoded.</summary>
public static class WorkflowSvgWriter
{
    public static string Write(WorkflowDefinition definition, string? currentStep)
    {
        var layout = new DotDiagramLayout(WorkflowMachine.ToDotGraph(definition));
        var current = definition.Steps.FirstOrDefault(s => s.Name == currentStep)?.Label;
        var finals = definition.Steps.Where(s => s.IsFinal).Select(s => s.Label).ToHashSet();
        var arrow = $"arrow-{E(definition.Name)}";
        var legend = layout.Edges.Select((edge, i) => Legend(definition, edge, i + 1)).ToList();
        var svg = new StringBuilder();
        var height = layout.Height + LegendLineHeight * legend.Sum(l => 1 + l.Conditions.Count);
        // Scales down to the width it is given (dialog, narrow window), never up beyond its natural size.
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {F(layout.Width)} {F(height)}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="{E(definition.Label)} workflow diagram" data-testid="workflow-svg" style="max-width: {F(layout.Width)}px; height: auto; display: block; font-family: Roboto, sans-serif">""");
        svg.Append($"""<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#546e7a"/></marker></defs>""");

        foreach (var edge in layout.Edges)
            svg.Append($"""<path d="{edge.Path}" fill="none" stroke="#546e7a" stroke-width="1.5" marker-end="url(#{arrow})"/>""");
        // Edges carry a number badge; the legend under the drawing spells each out (each condition on its own line),
        // so crowded steps stay legible.
        var y = layout.Height;
        for (var i = 0; i < layout.Edges.Count; i++)
        {
            var edge = layout.Edges[i];
            svg.Append($"""<g data-edge="{i + 1}"><circle cx="{F(edge.LabelX)}" cy="{F(edge.LabelY)}" r="9" fill="white" stroke="#546e7a"/><text x="{F(edge.LabelX)}" y="{F(edge.LabelY + 4)}" text-anchor="middle" font-size="11" fill="#263238">{i + 1}</text></g>""");
            svg.Append($"""<text x="40" y="{F(y)}" font-size="12" fill="#263238" data-legend="{i + 1}">{E(legend[i].Line)}</text>""");
            y += LegendLineHeight;
            foreach (var condition in legend[i].Conditions)
            {
                svg.Append($"""<text x="64" y="{F(y)}" font-size="12" fill="#455a64" data-condition="{i + 1}">{E(condition)}</text>""");
                y += LegendLineHeight;
            }
        }
        if (layout.Nodes.FirstOrDefault(n => n.Name == layout.Start) is { } start)
        {
            var startY = start.Y + DotDiagramLayout.NodeHeight / 2.0;
            svg.Append($"""<circle cx="{F(start.X - 22)}" cy="{F(startY)}" r="6" fill="#263238"/><line x1="{F(start.X - 16)}" y1="{F(startY)}" x2="{F(start.X)}" y2="{F(startY)}" stroke="#263238" stroke-width="1.5" marker-end="url(#{arrow})"/>""");
        }
        foreach (var node in layout.Nodes)
        {
            var isCurrent = node.Name == current;
            svg.Append($"""<g data-step-label="{E(node.Name)}"{(isCurrent ? " data-current=\"true\"" : "")}>""");
            svg.Append($"""<rect x="{F(node.X)}" y="{F(node.Y)}" width="{DotDiagramLayout.NodeWidth}" height="{DotDiagramLayout.NodeHeight}" rx="14" fill="{(isCurrent ? "#1565c0" : "#eceff1")}" stroke="{(isCurrent ? "#0d47a1" : "#546e7a")}" stroke-width="{(finals.Contains(node.Name) ? 3 : 1.5).ToString(CultureInfo.InvariantCulture)}"/>""");
            svg.Append($"""<text x="{F(node.X + DotDiagramLayout.NodeWidth / 2.0)}" y="{F(node.Y + DotDiagramLayout.NodeHeight / 2.0 + 5)}" text-anchor="middle" font-size="14" font-weight="{(isCurrent ? "bold" : "normal")}" fill="{(isCurrent ? "white" : "#263238")}">{E(node.Name)}</text></g>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private const int LegendLineHeight = 18;

    /// <summary>
    /// "1. Open → Contacted: Log call; Send e-mail" and, under it, one line per condition of those transitions. Read
    /// from the definition (the DOT label runs a transition's conditions together); the DOT labels stay the fallback.
    /// </summary>
    private static (string Line, IReadOnlyList<string> Conditions) Legend(WorkflowDefinition definition, DotDiagramLayout.Edge edge, int number)
    {
        var transitions = definition.Transitions
            .Where(t => Label(definition, t.ToStep) == edge.To.Name && t.FromSteps.Any(f => Label(definition, f) == edge.From.Name))
            .ToList();
        if (transitions.Count == 0) return ($"{number}. {edge.From.Name} → {edge.To.Name}: {string.Join("; ", edge.Labels)}", []);
        var line = $"{number}. {edge.From.Name} → {edge.To.Name}: {string.Join("; ", transitions.Select(t => t.IsSystem ? $"{t.Label} (automatic)" : t.Label))}";
        var conditions = transitions.SelectMany(t => t.Conditions.Select(c => transitions.Count == 1 ? $"only if {c.Description}" : $"{t.Label}: only if {c.Description}")).ToList();
        return (line, conditions);
    }

    private static string Label(WorkflowDefinition definition, string step) =>
        definition.Steps.FirstOrDefault(s => s.Name == step)?.Label ?? step;

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
