using CommerceDesk.Data;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts;

public sealed record AccountRow(long Id, string Name, bool IsActive, decimal LifetimeSalesValue, int CustomerCount, int OpenOpportunities, DateTime? LastActivityAt);

/// <summary>
/// Accounts, one page and its count from the database. Name, lifetime value and customer count are columns of the
/// account (the value and the count are rewritten by the same saves and jobs that change them), so sorting by them
/// reads an index; open opportunities and the last activity are looked up for the page's rows only.
/// </summary>
public static class AccountList
{
    public const string ByName = "name", ByValue = "value", ByCustomers = "customers";

    public static async Task<GridPage<AccountRow>> RunAsync(CommerceDbContext db, string? search, GridPaging paging, CancellationToken cancellationToken = default)
    {
        paging = paging.Normalized();
        var accounts = db.Accounts.AsNoTracking();
        if (TextSearch.Prefix(search) is { } pattern)
            accounts = db.Database.IsNpgsql()
                ? accounts.Where(a => EF.Functions.ILike(a.Name, pattern, TextSearch.EscapeCharacter))
                : accounts.Where(a => EF.Functions.Like(a.Name, pattern, TextSearch.EscapeCharacter));
        var total = await accounts.CountAsync(cancellationToken);
        if (total == 0) return new GridPage<AccountRow>([], 0);
        var sorted = (paging.SortBy, paging.Descending) switch
        {
            (ByValue, true) => accounts.OrderByDescending(a => a.LifetimeSalesValue).ThenByDescending(a => a.Id),
            (ByValue, false) => accounts.OrderBy(a => a.LifetimeSalesValue).ThenBy(a => a.Id),
            (ByCustomers, true) => accounts.OrderByDescending(a => a.CustomerCount).ThenByDescending(a => a.Id),
            (ByCustomers, false) => accounts.OrderBy(a => a.CustomerCount).ThenBy(a => a.Id),
            (_, true) when paging.SortBy == ByName => accounts.OrderByDescending(a => a.Name).ThenByDescending(a => a.Id),
            _ => accounts.OrderBy(a => a.Name).ThenBy(a => a.Id),
        };
        // Open means not at a won or lost stage of the stage table.
        var closed = await db.OpportunityStageDefinitions.Where(s => s.Category != StageCategory.Open).Select(s => s.Name).ToListAsync(cancellationToken);
        var rows = await sorted.Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new AccountRow(a.Id, a.Name, a.IsActive, a.LifetimeSalesValue, a.CustomerCount,
                db.Opportunities.Count(o => (o.AccountId == a.Id || db.Customers.Any(c => c.Id == o.CustomerId && c.AccountId == a.Id)) && !closed.Contains(o.Stage)),
                db.Activities.Where(x => db.Customers.Any(c => c.Id == x.CustomerId && c.AccountId == a.Id)).Max(x => (DateTime?)x.CreatedAt)))
            .ToListAsync(cancellationToken);
        return new GridPage<AccountRow>(rows, total);
    }
}
