using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Carts;

/// <summary>The carts grid's filters. Text search matches the cart id, the e-mail or the customer's name (prefix).</summary>
public sealed record CartGridFilter(
    string? Search = null, CartStatus? Status = null, long? ChannelId = null, DateOnly? ActiveFrom = null, DateOnly? ActiveTo = null,
    long? CustomerId = null, string? WorkflowStep = null)
{
    /// <summary>No filter: every row.</summary>
    public CartGridFilter() : this(Search: null) { }
}

public sealed record CartRow(
    long Id, string ExternalId, string Channel, long? CustomerId, string? FirstName, string? LastName, string? Email,
    int ItemCount, decimal Subtotal, string Currency, CheckoutStep CheckoutStep, CartStatus Status, DateTime LastActivityAt,
    CrmSyncStatus CrmStatus, string? CrmError, string? CrmExternalId, string? WorkflowStepName = null)
{
    public string CustomerName => PersonName.Of(FirstName, LastName, Email);

    public string WorkflowStep => WorkflowStepColumn.CartStepLabel(WorkflowStepName, Status);
}

/// <summary>One page of the carts grid: one round trip for the rows, one for the count, all in the database.</summary>
public static class CartGridQuery
{
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(CartRow.ExternalId), nameof(CartRow.LastActivityAt), nameof(CartRow.Subtotal), nameof(CartRow.Status), nameof(CartRow.ItemCount)];

    public static async Task<GridPage<CartRow>> RunAsync(
        CommerceDbContext db, CartGridFilter filter, GridPaging paging, CancellationToken cancellationToken = default)
    {
        paging = paging.Normalized();
        var carts = Filter(db, filter);
        var total = await carts.CountAsync(cancellationToken);
        if (total == 0) return new GridPage<CartRow>([], 0);
        var rows = await Project(db, carts, paging).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new GridPage<CartRow>(rows, total);
    }

    public static IAsyncEnumerable<CartRow> StreamAsync(CommerceDbContext db, CartGridFilter filter, GridPaging paging) =>
        Project(db, Filter(db, filter), paging).AsAsyncEnumerable();

    public static IQueryable<Cart> Filter(CommerceDbContext db, CartGridFilter filter)
    {
        var carts = db.Carts.AsNoTracking();
        if (filter.Status is { } status) carts = carts.Where(c => c.Status == status);
        if (filter.ChannelId is { } channelId) carts = carts.Where(c => c.ChannelId == channelId);
        if (filter.CustomerId is { } customerId) carts = carts.Where(c => c.CustomerId == customerId);
        if (filter.WorkflowStep is { Length: > 0 } step) carts = carts.WhereWorkflowStep(step);
        if (DayRange.StartOf(filter.ActiveFrom) is { } from) carts = carts.Where(c => c.LastActivityAt >= from);
        if (DayRange.EndOf(filter.ActiveTo) is { } to) carts = carts.Where(c => c.LastActivityAt < to);

        if (FullTextSearch.IsAvailable(db))
        {
            if (FullTextIndexes.MatchExpression(filter.Search) is { } match)
            {
                var cartIds = FullTextSearch.CartIds(db, match);
                // Non-nullable ids keep this a plain IN (subquery); a nullable Contains becomes a correlated EXISTS per row.
                var customerIds = FullTextSearch.CustomerIds(db, match);
                carts = carts.Where(c => cartIds.Contains(c.Id) || (c.CustomerId != null && customerIds.Contains(c.CustomerId.Value)));
            }
        }
        else if (TextSearch.Prefix(filter.Search) is { } pattern)
        {
            var customerIds = CustomerGridQuery.MatchingNames(db, filter.Search, pattern).Select(c => (long?)c.Id);
            carts = carts.Where(c =>
                EF.Functions.Like(c.ExternalId, pattern, TextSearch.EscapeCharacter)
                || EF.Functions.Like(c.Email!, pattern.ToLowerInvariant(), TextSearch.EscapeCharacter)
                || customerIds.Contains(c.CustomerId));
        }
        return carts;
    }

    private static IQueryable<CartRow> Project(CommerceDbContext db, IQueryable<Cart> carts, GridPaging paging)
    {
        var joined =
            from cart in carts
            join ch in db.Channels on cart.ChannelId equals ch.Id
            join c in db.Customers on cart.CustomerId equals c.Id into customers
            from c in customers.DefaultIfEmpty()
            select new { Cart = cart, Channel = ch.Code, FirstName = c == null ? null : c.FirstName, LastName = c == null ? null : c.LastName };

        var sorted = (paging.SortBy, paging.Descending) switch
        {
            (nameof(CartRow.ExternalId), false) => joined.OrderBy(x => x.Cart.ExternalId).ThenBy(x => x.Cart.Id),
            (nameof(CartRow.ExternalId), true) => joined.OrderByDescending(x => x.Cart.ExternalId).ThenByDescending(x => x.Cart.Id),
            (nameof(CartRow.Subtotal), false) => joined.OrderBy(x => x.Cart.Subtotal.Amount).ThenBy(x => x.Cart.Id),
            (nameof(CartRow.Subtotal), true) => joined.OrderByDescending(x => x.Cart.Subtotal.Amount).ThenByDescending(x => x.Cart.Id),
            (nameof(CartRow.ItemCount), false) => joined.OrderBy(x => x.Cart.ItemCount).ThenBy(x => x.Cart.Id),
            (nameof(CartRow.ItemCount), true) => joined.OrderByDescending(x => x.Cart.ItemCount).ThenByDescending(x => x.Cart.Id),
            (nameof(CartRow.Status), false) => joined.OrderBy(x => x.Cart.Status).ThenByDescending(x => x.Cart.LastActivityAt),
            (nameof(CartRow.Status), true) => joined.OrderByDescending(x => x.Cart.Status).ThenByDescending(x => x.Cart.LastActivityAt),
            (nameof(CartRow.LastActivityAt), false) => joined.OrderBy(x => x.Cart.LastActivityAt).ThenBy(x => x.Cart.Id),
            _ => joined.OrderByDescending(x => x.Cart.LastActivityAt).ThenByDescending(x => x.Cart.Id),
        };

        return sorted.Select(x => new CartRow(
            x.Cart.Id, x.Cart.ExternalId, x.Channel, x.Cart.CustomerId, x.FirstName, x.LastName, x.Cart.Email,
            x.Cart.ItemCount, x.Cart.Subtotal.Amount, x.Cart.Subtotal.Currency, x.Cart.CheckoutStep, x.Cart.Status,
            x.Cart.LastActivityAt, x.Cart.CrmSync.Status, x.Cart.CrmSync.LastError, x.Cart.CrmSync.ExternalId, x.Cart.WorkflowStep));
    }
}
