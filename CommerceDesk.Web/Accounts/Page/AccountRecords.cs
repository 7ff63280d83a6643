using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Page;

public sealed record AccountOrderRow(long Id, string Number, DateTime PlacedAt, string Customer, string Status, CommercialState State, decimal Subtotal, string Currency);

public sealed record AccountCartRow(long Id, string ExternalId, DateTime LastActivityAt, string Customer, CartStatus Status, decimal Subtotal, string Currency);

public sealed record AccountOpportunityRow(long Id, string Name, string Stage, decimal Amount, string Currency, DateTime CloseDate, string Owner);

/// <summary>The Commerce section of the account page: its customers' orders, quotes, carts and opportunities, a page at a time.</summary>
public static class AccountRecords
{
    public const int PageSize = 5;

    private static readonly CommercialState[] QuoteStates = [CommercialState.Quotation, CommercialState.QuotationSent];

    public static async Task<GridPage<AccountOrderRow>> OrdersAsync(CommerceDbContext db, long accountId, bool quotes, int page, CancellationToken ct = default)
    {
        var orders = from o in db.Orders.AsNoTracking()
                     join c in db.Customers on o.CustomerId equals c.Id
                     where c.AccountId == accountId && QuoteStates.Contains(o.CommercialState) == quotes
                     select new { o, c };
        var total = await orders.CountAsync(ct);
        var rows = await orders.OrderByDescending(x => x.o.PlacedAt).ThenByDescending(x => x.o.Id).Skip(page * PageSize).Take(PageSize)
            .Select(x => new { x.o.Id, x.o.Number, x.o.PlacedAt, x.c.FirstName, x.c.LastName, x.c.Email, x.c.ExternalId, x.o.Status, x.o.CommercialState, x.o.Subtotal })
            .ToListAsync(ct);
        return new GridPage<AccountOrderRow>(rows.Select(r => new AccountOrderRow(r.Id, r.Number, r.PlacedAt,
            PersonName.Of(r.FirstName, r.LastName, r.Email ?? r.ExternalId), r.Status, r.CommercialState, r.Subtotal.Amount, r.Subtotal.Currency)).ToList(), total);
    }

    public static async Task<GridPage<AccountCartRow>> CartsAsync(CommerceDbContext db, long accountId, int page, CancellationToken ct = default)
    {
        var carts = from k in db.Carts.AsNoTracking()
                    join c in db.Customers on k.CustomerId equals c.Id
                    where c.AccountId == accountId
                    select new { k, c };
        var total = await carts.CountAsync(ct);
        var rows = await carts.OrderByDescending(x => x.k.LastActivityAt).ThenByDescending(x => x.k.Id).Skip(page * PageSize).Take(PageSize)
            .Select(x => new { x.k.Id, x.k.ExternalId, x.k.LastActivityAt, x.c.FirstName, x.c.LastName, x.c.Email, CustomerExternalId = x.c.ExternalId, x.k.Status, x.k.Subtotal })
            .ToListAsync(ct);
        return new GridPage<AccountCartRow>(rows.Select(r => new AccountCartRow(r.Id, r.ExternalId, r.LastActivityAt,
            PersonName.Of(r.FirstName, r.LastName, r.Email ?? r.CustomerExternalId), r.Status, r.Subtotal.Amount, r.Subtotal.Currency)).ToList(), total);
    }

    /// <summary>Opportunities of the account, and of its customers when they were opened before the customer joined it.</summary>
    public static async Task<GridPage<AccountOpportunityRow>> OpportunitiesAsync(CommerceDbContext db, long accountId, int page, CancellationToken ct = default)
    {
        var opportunities = db.Opportunities.AsNoTracking()
            .Where(o => o.AccountId == accountId || db.Customers.Any(c => c.Id == o.CustomerId && c.AccountId == accountId));
        var total = await opportunities.CountAsync(ct);
        var rows = await opportunities.OrderByDescending(o => o.CloseDate).ThenByDescending(o => o.Id).Skip(page * PageSize).Take(PageSize)
            .Select(o => new AccountOpportunityRow(o.Id, o.Name, o.Stage, o.Amount.Amount, o.Amount.Currency, o.CloseDate, o.OwnerName))
            .ToListAsync(ct);
        return new GridPage<AccountOpportunityRow>(rows, total);
    }
}
