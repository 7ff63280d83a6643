using CommerceDesk.Data;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Accounts.Values;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Forecast;

public sealed record ForecastFilter(string? OwnerUserId = null, long? ChannelId = null);

public sealed record ForecastOwner(string UserId, string Name);

/// <summary>Reads the stage table and the open opportunities (by owner and by their customer's channel) and builds the forecast.</summary>
public static class ForecastQuery
{
    public static async Task<PipelineForecast> RunAsync(CommerceDbContext db, ForecastFilter filter, CancellationToken ct = default)
    {
        var stages = await db.OpportunityStageDefinitions.AsNoTracking().ToListAsync(ct);
        var decided = stages.Where(s => s.Category != StageCategory.Open).Select(s => s.Name).ToList();
        var opportunities = db.Opportunities.AsNoTracking().Where(o => !decided.Contains(o.Stage));
        if (filter.OwnerUserId is { } owner) opportunities = opportunities.Where(o => o.OwnerUserId == owner);
        if (filter.ChannelId is { } channel)
            opportunities = opportunities.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.ChannelId == channel));
        var rows = await opportunities
            .Select(o => new ForecastOpportunity(o.Id, o.Name, o.Stage, o.CloseDate, o.Amount.Amount, o.Amount.Currency, o.OwnerName))
            .ToListAsync(ct);
        var (reporting, rates) = await AccountTotals.ReportingRatesAsync(db, ct);
        return PipelineForecast.Build(rows, stages, reporting, rates);
    }

    public static async Task<IReadOnlyList<ForecastOwner>> OwnersAsync(CommerceDbContext db, CancellationToken ct = default) =>
        (await db.Opportunities.AsNoTracking().Select(o => new { o.OwnerUserId, o.OwnerName }).Distinct().ToListAsync(ct))
            .GroupBy(o => o.OwnerUserId).Select(g => new ForecastOwner(g.Key, g.First().OwnerName)).OrderBy(o => o.Name).ToList();
}
