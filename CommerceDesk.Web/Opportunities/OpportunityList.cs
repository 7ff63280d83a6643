using CommerceDesk.Data;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Opportunities;

public sealed record OpportunityRow(
    long Id, string Name, string Stage, decimal Amount, string Currency, DateTime CloseDate,
    long? CustomerId, string? FirstName, string? LastName, string? Email, long? SourceCartId, string? SourceCartExternalId)
{
    public string? CustomerName => CustomerId is null ? null : PersonName.Of(FirstName, LastName, Email);
}

/// <summary>Stored opportunities by close date (soonest first), one page and its count from the database.</summary>
public static class OpportunityList
{
    public static async Task<GridPage<OpportunityRow>> RunAsync(CommerceDbContext db, string? search, GridPaging paging, CancellationToken cancellationToken = default)
    {
        paging = paging.Normalized();
        var opportunities = db.Opportunities.AsNoTracking();
        if (TextSearch.Prefix(search) is { } pattern)
            opportunities = opportunities.Where(o => EF.Functions.Like(o.Name, pattern, TextSearch.EscapeCharacter));
        var total = await opportunities.CountAsync(cancellationToken);
        if (total == 0) return new GridPage<OpportunityRow>([], 0);
        var rows = await (
            from o in opportunities.OrderBy(o => o.CloseDate).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize)
            join c in db.Customers on o.CustomerId equals c.Id into customers
            from c in customers.DefaultIfEmpty()
            join cart in db.Carts on o.SourceCartId equals cart.Id into carts
            from cart in carts.DefaultIfEmpty()
            orderby o.CloseDate, o.Id
            select new OpportunityRow(o.Id, o.Name, o.Stage, o.Amount.Amount, o.Amount.Currency, o.CloseDate,
                o.CustomerId, c == null ? null : c.FirstName, c == null ? null : c.LastName, c == null ? null : c.Email,
                o.SourceCartId, cart == null ? null : cart.ExternalId))
            .ToListAsync(cancellationToken);
        return new GridPage<OpportunityRow>(rows, total);
    }
}
