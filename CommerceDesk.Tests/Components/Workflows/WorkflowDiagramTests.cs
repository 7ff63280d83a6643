using System.Xml.Linq;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Workflows;

namespace CommerceDesk.Tests.Components.Workflows;

/// <summary>The admin diagram is Stateless's DOT export laid out as SVG, with the record's step highlighted.</summary>
public sealed class WorkflowDiagramTests
{
    [Fact]
    public void TheCartDiagramDrawsEveryStepAndHighlightsTheCurrentOne()
    {
        var svg = XDocument.Parse(WorkflowSvgWriter.Write(AbandonedShoppingCartWorkflow.Definition, AbandonedShoppingCartWorkflow.Steps.Contacted));
        XNamespace ns = "http://www.w3.org/2000/svg";

        var steps = svg.Descendants(ns + "g").Select(g => (string?)g.Attribute("data-step-label")).OfType<string>().ToList();
        steps.ShouldBe(["Open", "Contacted", "Abandoned", "Converted to opportunity", "Converted"]);
        svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("data-current") == "true").Attribute("data-step-label")!.Value.ShouldBe("Contacted");
        var legend = svg.Descendants(ns + "text").Where(t => t.Attribute("data-legend") is not null).Select(t => t.Value).ToList();
        legend.ShouldContain(l => l.EndsWith("Contacted → Abandoned: Abandon"));
        legend.ShouldContain(l => l.EndsWith("Abandoned → Open: Reopen"));
        svg.Descendants(ns + "g").Count(g => g.Attribute("data-edge") is not null).ShouldBe(legend.Count);
    }

    [Fact]
    public void EachConditionHasItsOwnLineUnderItsTransition()
    {
        var svg = XDocument.Parse(WorkflowSvgWriter.Write(AbandonedShoppingCartWorkflow.Definition, null));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var lines = svg.Descendants(ns + "text").Where(t => t.Attribute("data-legend") is not null || t.Attribute("data-condition") is not null)
            .Select(t => t.Value).ToList();

        var convert = lines.FindIndex(l => l.EndsWith("Open → Converted: Convert to order; Order placed on the storefront (automatic)"));
        convert.ShouldBeGreaterThanOrEqualTo(0);
        lines[convert + 1].ShouldBe("Convert to order: only if cart has items");
        lines[convert + 2].ShouldBe("Convert to order: only if no storefront order yet");
        var opportunity = lines.FindIndex(l => l.EndsWith("Open → Converted to opportunity: Convert to opportunity"));
        lines[opportunity + 1].ShouldBe("only if cart has items");
        // Every line sits lower than the one before: nothing is drawn over another line.
        var ys = svg.Descendants(ns + "text").Where(t => t.Attribute("data-legend") is not null || t.Attribute("data-condition") is not null)
            .Select(t => double.Parse(t.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ys.ShouldBe(ys.Order().Distinct().ToList());
    }

    [Fact]
    public void TheDiagramScalesToTheWidthItIsGiven()
    {
        var svg = XDocument.Parse(WorkflowSvgWriter.Write(OrderFollowUpWorkflow.Definition, null)).Root!;

        svg.Attribute("width")!.Value.ShouldBe("100%");
        svg.Attribute("height").ShouldBeNull();
        svg.Attribute("viewBox")!.Value.ShouldStartWith("0 0 ");
    }

    [Fact]
    public void StepsLineUpLeftToRightByTheirDistanceFromTheStart()
    {
        var layout = new DotDiagramLayout(WorkflowMachine.ToDotGraph(OrderFollowUpWorkflow.Definition));

        layout.Nodes.Select(n => (n.Name, n.Column)).ShouldBe([("Not contacted", 0), ("Emailed", 1), ("Called", 2), ("Contacted", 3)]);
        layout.Start.ShouldBe("Not contacted");
        // "No reply" goes back from Called to Not contacted.
        layout.Edges.Single(e => e.From.Name == "Called" && e.To.Name == "Not contacted").Labels.ShouldBe(["No reply"]);
    }
}
