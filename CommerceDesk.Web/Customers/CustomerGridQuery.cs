using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Customers;

/// <summary>The customers grid's filters. Text search matches the name, the e-mail or the storefront id (prefix).</summary>
public sealed record CustomerGridFilter(
    string? Search = null, long? ChannelId = null, bool? Guests = null, DateOnly? CreatedFrom = null, DateOnly? CreatedTo = null) : GridFilter(Search)
{
    /// <summary>No filter: every row.</summary>
    public CustomerGridFilter() : this(Search: null) { }
}

public sealed record CustomerRow(
    long Id, string ExternalId, string Channel, string? FirstName, string? LastName, string? Email, string? Phone,
    bool IsGuest, DateTime CreatedAt, long? AccountId, string? AccountName, int OrderCount) : IGridRow
{
    public string Name => PersonName.Of(FirstName, LastName, Email);
}

/// <summary>One page of the customers grid: one round trip for the rows, one for the count, all in the database.</summary>
public sealed class CustomerGridQuery : GridQuery<Customer, CustomerGridFilter, CustomerRow>
{
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(CustomerRow.Name), nameof(CustomerRow.Email), nameof(CustomerRow.CreatedAt)];

    protected override IQueryable<Customer> Filter(CommerceDbContext db, CustomerGridFilter filter)
    {
        var customers = db.Customers.AsNoTracking();
        if (filter.ChannelId is { } channelId) customers = customers.Where(c => c.ChannelId == channelId);
        if (filter.Guests is { } guests) customers = customers.Where(c => c.IsGuest == guests);
        if (DayRange.StartOf(filter.CreatedFrom, filter.DayZone) is { } from) customers = customers.Where(c => c.CreatedAt >= from);
        if (DayRange.EndOf(filter.CreatedTo, filter.DayZone) is { } to) customers = customers.Where(c => c.CreatedAt < to);

        return customers.MatchingWords(db, filter.Search, FullTextSearch.CustomerIds, pattern =>
        {
            var byName = MatchingNames(db, filter.Search, pattern).Select(c => c.Id);
            return c => EF.Functions.Like(c.Email!, pattern.ToLowerInvariant(), TextSearch.EscapeCharacter)
                        || EF.Functions.Like(c.ExternalId, pattern, TextSearch.EscapeCharacter)
                        || byName.Contains(c.Id);
        });
    }

    /// <summary>Customers whose first or last name starts with the term, or "First Last" for a two-word term.</summary>
    internal static IQueryable<Customer> MatchingNames(CommerceDbContext db, string? search, string pattern)
    {
        if (TextSearch.FullNamePrefixes(search) is var (first, last))
            return db.Customers.Where(c =>
                EF.Functions.Like(c.LastName!, pattern, TextSearch.EscapeCharacter)
                || (EF.Functions.Like(c.FirstName!, first, TextSearch.EscapeCharacter) && EF.Functions.Like(c.LastName!, last, TextSearch.EscapeCharacter)));
        return db.Customers.Where(c =>
            EF.Functions.Like(c.LastName!, pattern, TextSearch.EscapeCharacter)
            || EF.Functions.Like(c.FirstName!, pattern, TextSearch.EscapeCharacter));
    }

    /// <summary>The grid's order, always ending in the id so pages never overlap; each one an index walks without a sort.</summary>
    protected override IOrderedQueryable<Customer> Sort(IQueryable<Customer> customers, GridPaging paging) => (paging.SortBy, paging.Descending) switch
    {
        (nameof(CustomerRow.Name), false) => customers.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
        (nameof(CustomerRow.Name), true) => customers.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenByDescending(c => c.Id),
        (nameof(CustomerRow.Email), var descending) => customers.OrderForGrid(c => c.Email, descending),
        (nameof(CustomerRow.CreatedAt), false) => customers.OrderForGrid(c => c.CreatedAt, descending: false),
        _ => customers.OrderForGrid(c => c.CreatedAt, descending: true),
    };

    /// <summary>The rows of sorted customers with channel code, account name and order count (the order is kept through the joins).</summary>
    // The channel code is a lookup per row rather than a join: joined, SQLite without table statistics may start from the
    // channels and walk every record of each channel to find the page's few rows.
    protected override IQueryable<CustomerRow> Project(CommerceDbContext db, IOrderedQueryable<Customer> sorted) =>
        from c in sorted
        join a in db.Accounts on c.AccountId equals a.Id into accounts
        from a in accounts.DefaultIfEmpty()
        select new CustomerRow(
            c.Id, c.ExternalId, db.Channels.Where(ch => ch.Id == c.ChannelId).Select(ch => ch.Code).First(), c.FirstName, c.LastName, c.Email, c.Phone, c.IsGuest, c.CreatedAt, c.AccountId,
            a == null ? null : a.Name, db.Orders.Count(o => o.CustomerId == c.Id));
}
