using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Opportunities;

/// <summary>Where an opportunity came from.</summary>
public enum OpportunitySource { Cart, Order, Manual }

/// <summary>
/// The opportunities grid's filters: stage, owner, close month, source; text search matches words of the opportunity's name.
/// </summary>
public sealed record OpportunityGridFilter(
    string? Search = null, string? Stage = null, string? Owner = null, DateOnly? CloseMonth = null, OpportunitySource? Source = null)
    : GridFilter(Search)
{
    public OpportunityGridFilter() : this(Search: null) { }
}

public sealed record OpportunityRow(
    long Id, string Name, string Stage, decimal Amount, string Currency, DateTime CloseDate, string OwnerName,
    long? CustomerId, string? FirstName, string? LastName, string? Email,
    long? SourceCartId, string? SourceCartExternalId, long? SourceOrderId, string? SourceOrderNumber, string? ExternalCrmId) : IGridRow
{
    public string? CustomerName => CustomerId is null ? null : PersonName.Of(FirstName, LastName, Email);

    public OpportunitySource Source => SourceOrderId is not null ? OpportunitySource.Order : SourceCartId is not null ? OpportunitySource.Cart : OpportunitySource.Manual;
}

/// <summary>One page of opportunities: the count, then the page's ids by the sort's index, then the rows with their joins.</summary>
public sealed class OpportunityGridQuery : GridQuery<Opportunity, OpportunityGridFilter, OpportunityRow>
{
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(OpportunityRow.Name), nameof(OpportunityRow.Stage), nameof(OpportunityRow.Amount), nameof(OpportunityRow.CloseDate), nameof(OpportunityRow.OwnerName)];

    protected override IQueryable<Opportunity> Filter(CommerceDbContext db, OpportunityGridFilter filter)
    {
        var opportunities = db.Opportunities.AsNoTracking();
        if (filter.Stage is { Length: > 0 } stage) opportunities = opportunities.Where(o => o.Stage == stage);
        if (filter.Owner is { Length: > 0 } owner) opportunities = opportunities.Where(o => o.OwnerName == owner);
        if (filter.CloseMonth is { } month)
        {
            var from = new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var to = from.AddMonths(1);
            opportunities = opportunities.Where(o => o.CloseDate >= from && o.CloseDate < to);
        }
        opportunities = filter.Source switch
        {
            OpportunitySource.Order => opportunities.Where(o => o.SourceOrderId != null),
            OpportunitySource.Cart => opportunities.Where(o => o.SourceCartId != null && o.SourceOrderId == null),
            OpportunitySource.Manual => opportunities.Where(o => o.SourceCartId == null && o.SourceOrderId == null),
            _ => opportunities,
        };
        opportunities = opportunities.MatchingWords(db, filter.Search, FullTextSearch.OpportunityIds,
            pattern => o => EF.Functions.Like(o.Name, pattern, TextSearch.EscapeCharacter));
        return opportunities;
    }

    /// <summary>
    /// Soonest close date first by default (IX_Opportunities_CloseDate); the stage and owner filters walk IX_Opportunities_Stage
    /// and IX_Opportunities_Owner, the amount sort IX_Opportunities_Amount.
    /// </summary>
    protected override IOrderedQueryable<Opportunity> Sort(IQueryable<Opportunity> rows, GridPaging paging) => (paging.SortBy, paging.Descending) switch
    {
        (nameof(OpportunityRow.Name), var d) => rows.OrderForGrid(o => o.Name, d),
        (nameof(OpportunityRow.Stage), var d) => rows.OrderForGrid(o => o.Stage, d),
        (nameof(OpportunityRow.Amount), var d) => rows.OrderForGrid(o => o.Amount.Amount, d),
        (nameof(OpportunityRow.OwnerName), var d) => rows.OrderForGrid(o => o.OwnerName, d),
        (nameof(OpportunityRow.CloseDate), true) => rows.OrderForGrid(o => o.CloseDate, descending: true),
        _ => rows.OrderForGrid(o => o.CloseDate, descending: false),
    };

    protected override IQueryable<OpportunityRow> Project(CommerceDbContext db, IOrderedQueryable<Opportunity> sorted) =>
        from o in sorted
        join c in db.Customers on o.CustomerId equals c.Id into customers
        from c in customers.DefaultIfEmpty()
        select new OpportunityRow(o.Id, o.Name, o.Stage, o.Amount.Amount, o.Amount.Currency, o.CloseDate, o.OwnerName,
            o.CustomerId, c == null ? null : c.FirstName, c == null ? null : c.LastName, c == null ? null : c.Email,
            o.SourceCartId, db.Carts.Where(x => x.Id == o.SourceCartId).Select(x => x.ExternalId).FirstOrDefault(),
            o.SourceOrderId, db.Orders.Where(x => x.Id == o.SourceOrderId).Select(x => x.Number).FirstOrDefault(), o.ExternalCrmId);

    /// <summary>The owners and close months the filters offer.</summary>
    public static async Task<(IReadOnlyList<string> Owners, IReadOnlyList<string> Stages)> ChoicesAsync(CommerceDbContext db, CancellationToken cancellationToken)
    {
        var owners = await db.Opportunities.AsNoTracking().Select(o => o.OwnerName).Distinct().OrderBy(n => n).Take(200).ToListAsync(cancellationToken);
        var stages = await db.OpportunityStageDefinitions.AsNoTracking().OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(cancellationToken);
        return (owners, stages);
    }
}
