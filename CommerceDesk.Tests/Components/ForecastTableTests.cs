using Bunit;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Forecast;

namespace CommerceDesk.Tests.Components;

public sealed class ForecastTableTests : MudComponentContext
{
    private static readonly DateTime March = new(2027, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A stage table an admin has edited: Prospecting at 35 % (default 10), Negotiation at 50 % (default 80), a stage of their own.</summary>
    private static readonly OpportunityStageDefinition[] EditedStages =
    [
        new(OpportunityStages.Negotiation, 50, StageCategory.Open, 4),
        new(OpportunityStages.Prospecting, 35, StageCategory.Open, 1),
        new("Demo booked", 40, StageCategory.Open, 2),
        new(OpportunityStages.Qualification, 20, StageCategory.Open, 3),
        new(OpportunityStages.ClosedWon, 100, StageCategory.Won, 5),
        new("Lost to a competitor", 0, StageCategory.Lost, 6),
    ];

    private static ForecastOpportunity Opportunity(long id, string stage, decimal amount, string currency = "EUR", DateTime? close = null) =>
        new(id, $"Deal {id}", stage, close ?? March, amount, currency, "Maria Manager");

    [Fact]
    public void EachCellShowsItsAmountWeightedByTheProbabilityTheStageTableGivesAndTheMonthAddsThemUp()
    {
        var forecast = PipelineForecast.Build(
        [
            Opportunity(1, OpportunityStages.Prospecting, 1000m),            // 35 % → 350
            Opportunity(2, OpportunityStages.Prospecting, 500m),             // 35 % → 175
            Opportunity(3, OpportunityStages.Negotiation, 200m, "USD"),      // 200 USD = 180 EUR, 50 % → 90
            Opportunity(4, "Demo booked", 300m, close: March.AddMonths(1)), // 40 % → 120, in April
            Opportunity(5, OpportunityStages.ClosedWon, 9999m),              // won: not in the pipeline
            Opportunity(6, "Lost to a competitor", 7777m),                   // lost: not in the pipeline
            Opportunity(7, OpportunityStages.Qualification, 100m, "JPY"),    // no rate: left out and named
        ], EditedStages, "EUR", new Dictionary<string, decimal> { ["USD"] = 0.9m });

        var table = Render<ForecastTable>(p => p.Add(t => t.Forecast, forecast));

        table.Find("[data-testid='cell-2027-03-Prospecting']").TextContent.Trim().ShouldBe("525.00 EUR");
        table.Find("[data-testid='cell-2027-03-Negotiation/Review']").TextContent.Trim().ShouldBe("90.00 EUR");
        table.Find("[data-testid='cell-2027-04-Demo booked']").TextContent.Trim().ShouldBe("120.00 EUR");
        table.Find("[data-testid='weighted-2027-03']").TextContent.Trim().ShouldBe("615.00 EUR");
        table.Find("[data-testid='weighted-2027-04']").TextContent.Trim().ShouldBe("120.00 EUR");
        table.FindAll("thead th").Select(th => th.TextContent.Trim()).ShouldBe(
        [
            "Close month", "Prospecting (35 %)", "Demo booked (40 %)", "Qualification (20 %)", "Negotiation/Review (50 %)",
            "Weighted total", "Pipeline total",
        ]);
        table.Markup.ShouldNotContain("Closed Won");
        table.Markup.ShouldNotContain("Lost to a competitor");
        forecast.CurrenciesWithoutRate.ShouldBe(["JPY"]);
    }

    [Fact]
    public void ClickingACellOpensTheOpportunitiesBehindIt()
    {
        var forecast = PipelineForecast.Build([Opportunity(1, OpportunityStages.Qualification, 250m), Opportunity(2, OpportunityStages.Qualification, 50m)],
            EditedStages, "EUR", new Dictionary<string, decimal>());
        ForecastCell? opened = null;

        var table = Render<ForecastTable>(p => p.Add(t => t.Forecast, forecast).Add(t => t.OnCellSelected, (ForecastCell cell) => opened = cell));
        table.Find("[data-testid='cell-2027-03-Qualification'] a").Click();

        opened.ShouldNotBeNull().Opportunities.Select(o => o.Name).ShouldBe(["Deal 1", "Deal 2"]);
        opened.Weighted.ShouldBe(60m);
    }
}
