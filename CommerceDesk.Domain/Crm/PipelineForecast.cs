namespace CommerceDesk.Domain.Crm;

/// <summary>An open opportunity as the forecast counts it.</summary>
public sealed record ForecastOpportunity(long Id, string Name, string Stage, DateTime CloseDate, decimal Amount, string Currency, string Owner);

/// <summary>One cell of the forecast: the opportunities of one close month at one stage, their amount and its weighted part.</summary>
public sealed record ForecastCell(DateOnly Month, string Stage, int Percent, decimal Amount, decimal Weighted, IReadOnlyList<ForecastOpportunity> Opportunities);

/// <summary>
/// The pipeline by expected close month and stage, each amount converted into the reporting currency and weighted by
/// its stage's probability. Opportunities in a currency without a rate are left out and named.
/// </summary>
public sealed record PipelineForecast(
    string ReportingCurrency, IReadOnlyList<DateOnly> Months, IReadOnlyList<string> Stages, IReadOnlyList<ForecastCell> Cells,
    IReadOnlyList<string> CurrenciesWithoutRate)
{
    public static PipelineForecast Build(IEnumerable<ForecastOpportunity> opportunities, string reportingCurrency, IReadOnlyDictionary<string, decimal> rates)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var counted = new List<(ForecastOpportunity Opportunity, decimal Amount)>();
        foreach (var opportunity in opportunities.Where(o => StageProbabilities.IsOpen(o.Stage)))
        {
            if (opportunity.Currency == reportingCurrency) counted.Add((opportunity, opportunity.Amount));
            else if (rates.TryGetValue(opportunity.Currency, out var rate)) counted.Add((opportunity, opportunity.Amount * rate));
            else missing.Add(opportunity.Currency);
        }
        var cells = counted
            .GroupBy(c => (Month: new DateOnly(c.Opportunity.CloseDate.Year, c.Opportunity.CloseDate.Month, 1), c.Opportunity.Stage))
            .Select(g =>
            {
                var percent = StageProbabilities.PercentOf(g.Key.Stage);
                var amount = g.Sum(c => c.Amount);
                return new ForecastCell(g.Key.Month, g.Key.Stage, percent, decimal.Round(amount, 2), decimal.Round(amount * percent / 100m, 2),
                    g.Select(c => c.Opportunity).OrderBy(o => o.CloseDate).ThenBy(o => o.Id).ToList());
            })
            .ToList();
        var stages = OpportunityStages.All.Where(StageProbabilities.IsOpen)
            .Concat(cells.Select(c => c.Stage).Distinct().Where(s => !OpportunityStages.All.Contains(s)).Order())
            .ToList();
        return new PipelineForecast(reportingCurrency, cells.Select(c => c.Month).Distinct().Order().ToList(), stages, cells, missing.ToList());
    }

    public ForecastCell? Cell(DateOnly month, string stage) => Cells.FirstOrDefault(c => c.Month == month && c.Stage == stage);

    public decimal WeightedIn(DateOnly month) => Cells.Where(c => c.Month == month).Sum(c => c.Weighted);

    public decimal AmountIn(DateOnly month) => Cells.Where(c => c.Month == month).Sum(c => c.Amount);
}
