using Bunit;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Forecast;

namespace CommerceDesk.Tests.Components;

public sealed class ForecastTableTests : MudComponentContext
{
    private static readonly DateTime March = new(2027, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    private static ForecastOpportunity Opportunity(long id, string stage, decimal amount, string currency = "EUR", DateTime? close = null) =>
        new(id, $"Deal {id}", stage, close ?? March, amount, currency, "Maria Manager");

    [Fact]
    public void EachCellShowsItsAmountWeightedByTheStageProbabilityAndTheMonthAddsThemUp()
    {
        var forecast = PipelineForecast.Build(
        [
            Opportunity(1, OpportunityStages.Prospecting, 1000m),            // 10 % → 100
            Opportunity(2, OpportunityStages.Prospecting, 500m),             // 10 % →  50
            Opportunity(3, OpportunityStages.Negotiation, 200m, "USD"),      // 200 USD = 180 EUR, 80 % → 144
            Opportunity(4, OpportunityStages.Proposal, 300m, close: March.AddMonths(1)), // 60 % → 180, in April
            Opportunity(5, OpportunityStages.ClosedWon, 9999m),              // decided: not in the pipeline
            Opportunity(6, OpportunityStages.Qualification, 100m, "JPY"),    // no rate: left out and named
        ], "EUR", new Dictionary<string, decimal> { ["USD"] = 0.9m });

        var table = Render<ForecastTable>(p => p.Add(t => t.Forecast, forecast));

        table.Find("[data-testid='cell-2027-03-Prospecting']").TextContent.Trim().ShouldBe("150.00 EUR");
        table.Find("[data-testid='cell-2027-03-Negotiation/Review']").TextContent.Trim().ShouldBe("144.00 EUR");
        table.Find("[data-testid='weighted-2027-03']").TextContent.Trim().ShouldBe("294.00 EUR");
        table.Find("[data-testid='weighted-2027-04']").TextContent.Trim().ShouldBe("180.00 EUR");
        table.FindAll("thead th").Select(th => th.TextContent).ShouldContain("Negotiation/Review (80 %)");
        table.Markup.ShouldNotContain("Closed Won");
        forecast.CurrenciesWithoutRate.ShouldBe(["JPY"]);
    }

    [Fact]
    public void ClickingACellOpensTheOpportunitiesBehindIt()
    {
        var forecast = PipelineForecast.Build([Opportunity(1, OpportunityStages.Qualification, 250m), Opportunity(2, OpportunityStages.Qualification, 50m)],
            "EUR", new Dictionary<string, decimal>());
        ForecastCell? opened = null;

        var table = Render<ForecastTable>(p => p.Add(t => t.Forecast, forecast).Add(t => t.OnCellSelected, (ForecastCell cell) => opened = cell));
        table.Find("[data-testid='cell-2027-03-Qualification'] a").Click();

        opened.ShouldNotBeNull().Opportunities.Select(o => o.Name).ShouldBe(["Deal 1", "Deal 2"]);
        opened.Weighted.ShouldBe(60m);
    }
}
