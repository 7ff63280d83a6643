using CommerceDesk.Data;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Customers;

/// <summary>The customers grid's filters. Text search matches the name, the e-mail or the storefront id (prefix).</summary>
public sealed record CustomerGridFilter(
    string? Search = null, long? ChannelId = null, bool? Guests = null, DateOnly? CreatedFrom = null, DateOnly? CreatedTo = null)
{
    /// <summary>No filter: every row.</summary>
    public CustomerGridFilter() : this(Search: null) { }
}

public sealed record CustomerRow(
    long Id, string ExternalId, string Channel, string? FirstName, string? LastName, string? Email, string? Phone,
    bool IsGuest, DateTime CreatedAt, long? AccountId, string? AccountName, int OrderCount)
{
    public string Name => PersonName.Of(FirstName, LastName, Email);
}

/// <summary>One page of the customers grid: one round trip for the rows, one for the count, all in the database.</summary>
public static class CustomerGridQuery
{
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(CustomerRow.Name), nameof(CustomerRow.Email), nameof(CustomerRow.CreatedAt)];

    public static async Task<GridPage<CustomerRow>> RunAsync(
        CommerceDbContext db, CustomerGridFilter filter, GridPaging paging, CancellationToken cancellationToken = default)
    {
        paging = paging.Normalized();
        var customers = Filter(db, filter);
        var total = await customers.CountAsync(cancellationToken);
        if (total == 0) return new GridPage<CustomerRow>([], 0);
        var rows = await Project(db, customers, paging).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new GridPage<CustomerRow>(rows, total);
    }

    public static IAsyncEnumerable<CustomerRow> StreamAsync(CommerceDbContext db, CustomerGridFilter filter, GridPaging paging) =>
        Project(db, Filter(db, filter), paging).AsAsyncEnumerable();

    public static IQueryable<Customer> Filter(CommerceDbContext db, CustomerGridFilter filter)
    {
        var customers = db.Customers.AsNoTracking();
        if (filter.ChannelId is { } channelId) customers = customers.Where(c => c.ChannelId == channelId);
        if (filter.Guests is { } guests) customers = customers.Where(c => c.IsGuest == guests);
        if (DayRange.StartOf(filter.CreatedFrom) is { } from) customers = customers.Where(c => c.CreatedAt >= from);
        if (DayRange.EndOf(filter.CreatedTo) is { } to) customers = customers.Where(c => c.CreatedAt < to);

        if (TextSearch.Prefix(filter.Search) is { } pattern)
        {
            var byName = MatchingNames(db, filter.Search, pattern).Select(c => c.Id);
            customers = customers.Where(c =>
                EF.Functions.Like(c.Email!, pattern.ToLowerInvariant(), TextSearch.EscapeCharacter)
                || EF.Functions.Like(c.ExternalId, pattern, TextSearch.EscapeCharacter)
                || byName.Contains(c.Id));
        }
        return customers;
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

    private static IQueryable<CustomerRow> Project(CommerceDbContext db, IQueryable<Customer> customers, GridPaging paging)
    {
        var joined =
            from c in customers
            join ch in db.Channels on c.ChannelId equals ch.Id
            join a in db.Accounts on c.AccountId equals a.Id into accounts
            from a in accounts.DefaultIfEmpty()
            select new { Customer = c, Channel = ch.Code, AccountName = a == null ? null : a.Name };

        var sorted = (paging.SortBy, paging.Descending) switch
        {
            (nameof(CustomerRow.Name), false) => joined.OrderBy(x => x.Customer.LastName).ThenBy(x => x.Customer.FirstName).ThenBy(x => x.Customer.Id),
            (nameof(CustomerRow.Name), true) => joined.OrderByDescending(x => x.Customer.LastName).ThenByDescending(x => x.Customer.FirstName).ThenByDescending(x => x.Customer.Id),
            (nameof(CustomerRow.Email), false) => joined.OrderBy(x => x.Customer.Email).ThenBy(x => x.Customer.Id),
            (nameof(CustomerRow.Email), true) => joined.OrderByDescending(x => x.Customer.Email).ThenByDescending(x => x.Customer.Id),
            (nameof(CustomerRow.CreatedAt), false) => joined.OrderBy(x => x.Customer.CreatedAt).ThenBy(x => x.Customer.Id),
            _ => joined.OrderByDescending(x => x.Customer.CreatedAt).ThenByDescending(x => x.Customer.Id),
        };

        return sorted.Select(x => new CustomerRow(
            x.Customer.Id, x.Customer.ExternalId, x.Channel, x.Customer.FirstName, x.Customer.LastName, x.Customer.Email,
            x.Customer.Phone, x.Customer.IsGuest, x.Customer.CreatedAt, x.Customer.AccountId, x.AccountName,
            db.Orders.Count(o => o.CustomerId == x.Customer.Id)));
    }
}
