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
    long? CustomerId = null, string? WorkflowStep = null) : GridFilter(Search)
{
    /// <summary>No filter: every row.</summary>
    public CartGridFilter() : this(Search: null) { }
}

public sealed record CartRow(
    long Id, string ExternalId, string Channel, long? CustomerId, string? FirstName, string? LastName, string? Email,
    int ItemCount, decimal Subtotal, string Currency, CheckoutStep CheckoutStep, CartStatus Status, DateTime LastActivityAt,
    CrmSyncStatus CrmStatus, string? CrmError, string? CrmExternalId, string? WorkflowStepName = null) : IGridRow
{
    public string CustomerName => PersonName.Of(FirstName, LastName, Email);

    public string WorkflowStep => WorkflowStepColumn.CartStepLabel(WorkflowStepName);
}

/// <summary>One page of the carts grid: one round trip for the rows, one for the count, all in the database.</summary>
public sealed class CartGridQuery : GridQuery<Cart, CartGridFilter, CartRow>
{
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(CartRow.ExternalId), nameof(CartRow.LastActivityAt), nameof(CartRow.Subtotal), nameof(CartRow.Status), nameof(CartRow.ItemCount)];

    /// <summary>A status or a workflow step alone selects most carts, and no filter selects them all: those totals are kept as counters rather than counted.</summary>
    protected override ValueCounts.CountedValue? CountedBy(CartGridFilter filter) => filter switch
    {
        { Status: { } status } when SelectsOnly(filter, new CartGridFilter(Status: status)) => ValueCounts.CartStatus.Of(status.ToString()),
        { WorkflowStep: { Length: > 0 } step } when SelectsOnly(filter, new CartGridFilter(WorkflowStep: step)) => ValueCounts.CartWorkflowStep.Of(step),
        _ when SelectsOnly(filter, new CartGridFilter()) => ValueCounts.CartStatus.AllRows,
        _ => null,
    };

    protected override IQueryable<Cart> Filter(CommerceDbContext db, CartGridFilter filter)
    {
        var carts = db.Carts.AsNoTracking();
        if (filter.Status is { } status) carts = carts.Where(c => c.Status == status);
        if (filter.ChannelId is { } channelId) carts = carts.Where(c => c.ChannelId == channelId);
        if (filter.CustomerId is { } customerId) carts = carts.Where(c => c.CustomerId == customerId);
        if (filter.WorkflowStep is { Length: > 0 } step) carts = carts.WhereWorkflowStep(step);
        if (DayRange.StartOf(filter.ActiveFrom, filter.DayZone) is { } from) carts = carts.Where(c => c.LastActivityAt >= from);
        if (DayRange.EndOf(filter.ActiveTo, filter.DayZone) is { } to) carts = carts.Where(c => c.LastActivityAt < to);

        if (FullTextSearch.IsAvailable(db))
        {
            if (FullTextIndexes.MatchExpression(filter.Search) is { } match)
            {
                if (db.Database.IsNpgsql())
                {
                    var matching = FullTextSearch.CartIdsWithCustomers(db, match);
                    return carts.Where(c => matching.Contains(c.Id));
                }
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

    /// <summary>
    /// The grid's order, always ending in the id so pages never overlap; each one an index walks without a sort
    /// (IX_Carts_*; status ascending with the newest first inside each status has its own IX_Carts_StatusSort, as
    /// SQLite walks an index backwards only when every column flips).
    /// </summary>
    protected override IOrderedQueryable<Cart> Sort(IQueryable<Cart> carts, GridPaging paging) => (paging.SortBy, paging.Descending) switch
    {
        (nameof(CartRow.ExternalId), var descending) => carts.OrderForGrid(c => c.ExternalId, descending),
        (nameof(CartRow.Subtotal), var descending) => carts.OrderForGrid(c => c.Subtotal.Amount, descending),
        (nameof(CartRow.ItemCount), var descending) => carts.OrderForGrid(c => c.ItemCount, descending),
        (nameof(CartRow.Status), false) => carts.OrderBy(c => c.Status).ThenByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id),
        (nameof(CartRow.Status), true) => carts.OrderByDescending(c => c.Status).ThenByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id),
        (nameof(CartRow.LastActivityAt), false) => carts.OrderForGrid(c => c.LastActivityAt, descending: false),
        _ => carts.OrderForGrid(c => c.LastActivityAt, descending: true),
    };

    /// <summary>The rows of sorted carts with their channel code and customer name (the order is kept through the joins).</summary>
    // The channel code is a lookup per row rather than a join: joined, SQLite without table statistics may start from the
    // channels and walk every record of each channel to find the page's few rows.
    protected override IQueryable<CartRow> Project(CommerceDbContext db, IOrderedQueryable<Cart> sorted) =>
        from cart in sorted
        join c in db.Customers on cart.CustomerId equals c.Id into customers
        from c in customers.DefaultIfEmpty()
        select new CartRow(
            cart.Id, cart.ExternalId, db.Channels.Where(ch => ch.Id == cart.ChannelId).Select(ch => ch.Code).First(), cart.CustomerId, c == null ? null : c.FirstName, c == null ? null : c.LastName, cart.Email,
            cart.ItemCount, cart.Subtotal.Amount, cart.Subtotal.Currency, cart.CheckoutStep, cart.Status,
            cart.LastActivityAt, cart.CrmSync.Status, cart.CrmSync.LastError, cart.CrmSync.ExternalId, cart.WorkflowStep);
}
