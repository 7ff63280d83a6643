namespace CommerceDesk.Domain.Crm;

/// <summary>An open opportunity as the forecast counts it.</summary>
public sealed record ForecastOpportunity(long Id, string Name, string Stage, DateTime CloseDate, decimal Amount, string Currency, string Owner);

/// <summary>One column of the forecast: an open stage and the probability that weights it.</summary>
public sealed record ForecastStage(string Name, int Percent);

/// <summary>One cell of the forecast: the opportunities of one close month at one stage, their amount and its weighted part.</summary>
public sealed record ForecastCell(DateOnly Month, string Stage, int Percent, decimal Amount, decimal Weighted, IReadOnlyList<ForecastOpportunity> Opportunities);

/// <summary>
/// The pipeline by expected close month and stage, each amount converted into the reporting currency and weighted by
/// its stage's probability as the stage table defines it. Opportunities in a currency without a rate are left out and named.
/// </summary>
public sealed record PipelineForecast(
    string ReportingCurrency, IReadOnlyList<DateOnly> Months, IReadOnlyList<ForecastStage> Stages, IReadOnlyList<ForecastCell> Cells,
    IReadOnlyList<string> CurrenciesWithoutRate)
{
    /// <summary>
    /// Counts the opportunities at open stages (won and lost ones are decided). A stage the table no longer holds still
    /// counts, at 0 % and after the defined stages, so its amount stays visible in the pipeline total.
    /// </summary>
    public static PipelineForecast Build(
        IEnumerable<ForecastOpportunity> opportunities, IEnumerable<OpportunityStageDefinition> stageDefinitions,
        string reportingCurrency, IReadOnlyDictionary<string, decimal> rates)
    {
        var definitions = stageDefinitions.ToList();
        var decided = definitions.Where(d => d.Category != StageCategory.Open).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var percents = definitions.ToDictionary(d => d.Name, d => d.Probability, StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var counted = new List<(ForecastOpportunity Opportunity, decimal Amount)>();
        foreach (var opportunity in opportunities.Where(o => !decided.Contains(o.Stage)))
        {
            if (opportunity.Currency == reportingCurrency) counted.Add((opportunity, opportunity.Amount));
            else if (rates.TryGetValue(opportunity.Currency, out var rate)) counted.Add((opportunity, opportunity.Amount * rate));
            else missing.Add(opportunity.Currency);
        }
        var cells = counted
            .GroupBy(c => (Month: new DateOnly(c.Opportunity.CloseDate.Year, c.Opportunity.CloseDate.Month, 1), c.Opportunity.Stage))
            .Select(g =>
            {
                var percent = percents.GetValueOrDefault(g.Key.Stage);
                var amount = g.Sum(c => c.Amount);
                return new ForecastCell(g.Key.Month, g.Key.Stage, percent, decimal.Round(amount, 2), decimal.Round(amount * percent / 100m, 2),
                    g.Select(c => c.Opportunity).OrderBy(o => o.CloseDate).ThenBy(o => o.Id).ToList());
            })
            .ToList();
        var stages = definitions.Where(d => d.Category == StageCategory.Open).OrderBy(d => d.Position).ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new ForecastStage(d.Name, d.Probability))
            .Concat(cells.Select(c => c.Stage).Distinct().Where(s => !percents.ContainsKey(s)).Order(StringComparer.Ordinal).Select(s => new ForecastStage(s, 0)))
            .ToList();
        return new PipelineForecast(reportingCurrency, cells.Select(c => c.Month).Distinct().Order().ToList(), stages, cells, missing.ToList());
    }

    public ForecastCell? Cell(DateOnly month, string stage) => Cells.FirstOrDefault(c => c.Month == month && c.Stage == stage);

    public decimal WeightedIn(DateOnly month) => Cells.Where(c => c.Month == month).Sum(c => c.Weighted);

    public decimal AmountIn(DateOnly month) => Cells.Where(c => c.Month == month).Sum(c => c.Amount);
}
