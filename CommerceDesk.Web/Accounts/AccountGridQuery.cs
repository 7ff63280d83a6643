using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts;

/// <summary>
/// The accounts grid's filters: words of the name (each a prefix, as in the other grids), and active or inactive accounts (an account left without customers
/// after a strategy change is kept, but inactive); null shows both.
/// </summary>
public sealed record AccountGridFilter(string? Search = null, bool? Active = null) : GridFilter(Search)
{
    /// <summary>No filter: every account.</summary>
    public AccountGridFilter() : this(Search: null) { }
}

public sealed record AccountRow(long Id, string Name, bool IsActive, decimal LifetimeSalesValue, int CustomerCount, int OpenOpportunities, DateTime? LastActivityAt)
    : IGridRow;

/// <summary>
/// Accounts, one page and its count from the database. Name, lifetime value and customer count are columns of the
/// account (the value and the count are rewritten by the same saves and jobs that change them), so sorting by them
/// reads an index; open opportunities and the last activity are looked up for the page's rows only.
/// </summary>
public sealed class AccountGridQuery : GridQuery<Account, AccountGridFilter, AccountRow>
{
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(AccountRow.Name), nameof(AccountRow.LifetimeSalesValue), nameof(AccountRow.CustomerCount)];

    protected override IQueryable<Account> Filter(CommerceDbContext db, AccountGridFilter filter)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (filter.Active is { } active) accounts = accounts.Where(a => a.IsActive == active);
        accounts = accounts.MatchingWords(db, filter.Search, FullTextSearch.AccountIds,
            pattern => a => EF.Functions.Like(a.Name, pattern, TextSearch.EscapeCharacter));
        return accounts;
    }

    protected override IOrderedQueryable<Account> Sort(IQueryable<Account> accounts, GridPaging paging) => (paging.SortBy, paging.Descending) switch
    {
        (nameof(AccountRow.LifetimeSalesValue), var descending) => accounts.OrderForGrid(a => a.LifetimeSalesValue, descending),
        (nameof(AccountRow.CustomerCount), var descending) => accounts.OrderForGrid(a => a.CustomerCount, descending),
        (nameof(AccountRow.Name), true) => accounts.OrderForGrid(a => a.Name, descending: true),
        _ => accounts.OrderForGrid(a => a.Name, descending: false),
    };

    /// <summary>
    /// Open opportunities count the account's own and those of its customers (once each); the last activity is of its
    /// customers; open means not at a won or lost stage of the stage table. Both are reached from the account's customers (IX_Customers_AccountId) by IX_Opportunities_Customer and
    /// IX_Activities_Customer, and its own opportunities by IX_Opportunities_Account: an OR over both would scan every opportunity.
    /// </summary>
    protected override IQueryable<AccountRow> Project(CommerceDbContext db, IOrderedQueryable<Account> sorted) =>
        sorted.Select(a => new AccountRow(a.Id, a.Name, a.IsActive, a.LifetimeSalesValue, a.CustomerCount,
            db.Opportunities.Count(o => o.AccountId == a.Id && !db.OpportunityStageDefinitions.Any(s => s.Name == o.Stage && s.Category != StageCategory.Open))
                + (from c in db.Customers
                   join o in db.Opportunities on c.Id equals o.CustomerId
                   where c.AccountId == a.Id && o.AccountId != a.Id
                         && !db.OpportunityStageDefinitions.Any(s => s.Name == o.Stage && s.Category != StageCategory.Open)
                   select o.Id).Count(),
            (from c in db.Customers
             join x in db.Activities on c.Id equals x.CustomerId
             where c.AccountId == a.Id
             select (DateTime?)x.CreatedAt).Max()));
}
