using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Customers.Editing;

public sealed record CustomerOption(long Id, string Name, string? Email)
{
    public override string ToString() => Email is null ? Name : $"{Name} ({Email})";
}

public sealed record AccountOption(long Id, string Name, bool IsActive)
{
    /// <summary>The "new account of the same name" choice (no id yet).</summary>
    public static AccountOption NewOfSameName { get; } = new(0, "New account of the same name", true);

    public override string ToString() => IsActive ? Name : $"{Name} (inactive)";
}

/// <summary>
/// What the customer and account pickers find as the manager types: every word a prefix of a word of the name or
/// e-mail, from the grids' full-text indexes ("ada love" finds Ada Lovelace), a few at a time. SQL Server, which has
/// none, matches the start of the name or e-mail.
/// </summary>
public static class CustomerPickers
{
    public const int MaxOptions = 20;

    public static async Task<IReadOnlyList<CustomerOption>> CustomersAsync(CommerceDbContext db, string? text, long? except, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking().Where(c => c.Id != except);
        customers = customers.MatchingWords(db, text, FullTextSearch.CustomerIds,
            pattern => c => EF.Functions.Like(c.LastName!, pattern, TextSearch.EscapeCharacter)
                            || EF.Functions.Like(c.FirstName!, pattern, TextSearch.EscapeCharacter)
                            || EF.Functions.Like(c.Email!, pattern, TextSearch.EscapeCharacter));
        var rows = await customers.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).Take(MaxOptions)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email }).ToListAsync(ct);
        return rows.Select(r => new CustomerOption(r.Id, PersonName.Of(r.FirstName, r.LastName, r.Email), r.Email)).ToList();
    }

    public static async Task<IReadOnlyList<AccountOption>> AccountsAsync(CommerceDbContext db, string? text, CancellationToken ct)
    {
        var accounts = db.Accounts.AsNoTracking();
        accounts = accounts.MatchingWords(db, text, FullTextSearch.AccountIds,
            pattern => a => EF.Functions.Like(a.Name, pattern, TextSearch.EscapeCharacter));
        return await accounts.OrderByDescending(a => a.IsActive).ThenBy(a => a.Name).ThenBy(a => a.Id).Take(MaxOptions)
            .Select(a => new AccountOption(a.Id, a.Name, a.IsActive)).ToListAsync(ct);
    }
}
