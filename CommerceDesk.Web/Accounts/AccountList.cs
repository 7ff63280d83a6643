using CommerceDesk.Data;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts;

public sealed record AccountRow(long Id, string Name, decimal LifetimeSalesValue, int CustomerCount);

/// <summary>Accounts by lifetime sales value, one page and its count from the database.</summary>
public static class AccountList
{
    public static async Task<GridPage<AccountRow>> RunAsync(CommerceDbContext db, string? search, GridPaging paging, CancellationToken cancellationToken = default)
    {
        paging = paging.Normalized();
        var accounts = db.Accounts.AsNoTracking();
        if (TextSearch.Prefix(search) is { } pattern)
            accounts = accounts.Where(a => EF.Functions.Like(a.Name, pattern, TextSearch.EscapeCharacter));
        var total = await accounts.CountAsync(cancellationToken);
        if (total == 0) return new GridPage<AccountRow>([], 0);
        var rows = await accounts
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new AccountRow(a.Id, a.Name, a.LifetimeSalesValue, db.Customers.Count(c => c.AccountId == a.Id)))
            .ToListAsync(cancellationToken);
        return new GridPage<AccountRow>(rows, total);
    }
}
