using CommerceDesk.Domain.Workflows;

namespace CommerceDesk.Tests.Domain.Workflows;

public sealed class WorkflowDefinitionTests
{
    [Fact]
    public void BothWorkflowsAreRegisteredByDefaultOnePerRecordType()
    {
        WorkflowRegistry.Default.For(WorkflowSubjectType.Cart).Name.ShouldBe(AbandonedShoppingCartWorkflow.Name);
        WorkflowRegistry.Default.For(WorkflowSubjectType.Order).Name.ShouldBe(OrderFollowUpWorkflow.Name);
    }

    [Fact]
    public void TheCartWorkflowHasTheStepsOfTheDesign()
    {
        var definition = AbandonedShoppingCartWorkflow.Definition;

        definition.Steps.Select(s => (s.Label, s.IsStart, s.IsFinal)).ShouldBe(
        [
            ("Open", true, false), ("Contacted", false, false), ("Abandoned", false, true),
            ("Converted to opportunity", false, true), ("Converted", false, true),
        ]);
    }

    [Fact]
    public void TheOrderWorkflowHasTheStepsOfTheDesign()
    {
        OrderFollowUpWorkflow.Definition.Steps.Select(s => (s.Label, s.IsStart, s.IsFinal)).ShouldBe(
            [("Not contacted", true, false), ("Emailed", false, false), ("Called", false, false), ("Contacted", false, true)]);
    }

    [Fact]
    public void ADefinitionWithATransitionToAnUnknownStepIsRejected()
    {
        Should.Throw<ArgumentException>(() => new WorkflowDefinition("broken", "Broken", WorkflowSubjectType.Cart,
            [new("a", "A", IsStart: true)],
            [new() { Name = "go", Label = "Go", FromSteps = ["a"], ToStep = "b" }]));
    }

    [Fact]
    public void TheDiagramIsStatelesssDotExportOfTheDefinition()
    {
        var dot = WorkflowMachine.ToDotGraph(OrderFollowUpWorkflow.Definition);

        dot.ShouldStartWith("digraph");
        dot.ShouldContain("\"Not contacted\"");
        dot.ShouldContain("\"Not contacted\" -> \"Emailed\"");
        dot.ShouldContain("Record feedback");
        // Guarded edges carry the condition.
        dot.ShouldContain("Send email [not e-mailed yet]");
    }
}
