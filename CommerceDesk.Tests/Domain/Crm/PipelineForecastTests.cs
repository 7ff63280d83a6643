using CommerceDesk.Domain.Crm;

namespace CommerceDesk.Tests.Domain.Crm;

public sealed class PipelineForecastTests
{
    private static readonly DateTime May = new(2027, 5, 20, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly MayMonth = new(2027, 5, 1);
    private static readonly IReadOnlyDictionary<string, decimal> NoRates = new Dictionary<string, decimal>();

    private static ForecastOpportunity Opportunity(long id, string stage, decimal amount) => new(id, $"Deal {id}", stage, May, amount, "EUR", "Maria Manager");

    [Fact]
    public void WeightsEachAmountByTheProbabilityItsStageDefinitionHolds()
    {
        var stages = new[] { new OpportunityStageDefinition(OpportunityStages.Prospecting, 35, StageCategory.Open, 1), new OpportunityStageDefinition("Trial", 0, StageCategory.Open, 2) };

        var forecast = PipelineForecast.Build([Opportunity(1, OpportunityStages.Prospecting, 200m), Opportunity(2, "Trial", 500m)], stages, "EUR", NoRates);

        forecast.Cell(MayMonth, OpportunityStages.Prospecting).ShouldNotBeNull().Weighted.ShouldBe(70m);
        forecast.Cell(MayMonth, "Trial").ShouldNotBeNull().Weighted.ShouldBe(0m);
        forecast.WeightedIn(MayMonth).ShouldBe(70m);
        forecast.AmountIn(MayMonth).ShouldBe(700m);
    }

    [Fact]
    public void CountsOnlyOpenStagesWhateverTheyAreCalled()
    {
        var stages = new[]
        {
            new OpportunityStageDefinition("Signed", 100, StageCategory.Won, 3),
            new OpportunityStageDefinition("Dropped", 0, StageCategory.Lost, 4),
            new OpportunityStageDefinition(OpportunityStages.ClosedWon, 90, StageCategory.Open, 1), // renamed meaning: still open here
        };

        var forecast = PipelineForecast.Build(
            [Opportunity(1, "Signed", 1000m), Opportunity(2, "Dropped", 1000m), Opportunity(3, OpportunityStages.ClosedWon, 100m)], stages, "EUR", NoRates);

        forecast.Stages.ShouldBe([new ForecastStage(OpportunityStages.ClosedWon, 90)]);
        forecast.Cells.Select(c => (c.Stage, c.Weighted)).ShouldBe([(OpportunityStages.ClosedWon, 90m)]);
    }

    [Fact]
    public void ListsTheOpenStagesInTheirPositionOrderEvenWithoutOpportunities()
    {
        var stages = new[]
        {
            new OpportunityStageDefinition("Third", 30, StageCategory.Open, 3),
            new OpportunityStageDefinition("First", 10, StageCategory.Open, 1),
            new OpportunityStageDefinition("Won", 100, StageCategory.Won, 2),
            new OpportunityStageDefinition("Second", 20, StageCategory.Open, 2),
        };

        var forecast = PipelineForecast.Build([Opportunity(1, "Third", 10m)], stages, "EUR", NoRates);

        forecast.Stages.Select(s => s.Name).ShouldBe(["First", "Second", "Third"]);
    }

    [Fact]
    public void AStageTheTableNoLongerHoldsStaysVisibleAtZeroPercentAfterTheDefinedOnes()
    {
        var stages = new[] { new OpportunityStageDefinition("First", 10, StageCategory.Open, 1) };

        var forecast = PipelineForecast.Build([Opportunity(1, "Retired stage", 400m), Opportunity(2, "First", 100m)], stages, "EUR", NoRates);

        forecast.Stages.ShouldBe([new ForecastStage("First", 10), new ForecastStage("Retired stage", 0)]);
        forecast.Cell(MayMonth, "Retired stage").ShouldNotBeNull().Weighted.ShouldBe(0m);
        forecast.AmountIn(MayMonth).ShouldBe(500m);
    }
}
