using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders;

/// <summary>The orders grid's filters. Text search matches words of the order number, the e-mail or the customer's name (prefix), through the full-text index.</summary>
public sealed record OrderGridFilter(
    string? Search = null, string? Status = null, long? ChannelId = null, DateOnly? PlacedFrom = null, DateOnly? PlacedTo = null,
    long? CustomerId = null, string? WorkflowStep = null, string? AssigneeId = null) : GridFilter(Search)
{
    /// <summary>The assignee filter's value for orders nobody looks after.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>No filter: every row.</summary>
    public OrderGridFilter() : this(Search: null) { }
}

public sealed record OrderRow(
    long Id, string Number, string Channel, long? CustomerId, string? FirstName, string? LastName, string? Email,
    DateTime PlacedAt, decimal Subtotal, string Currency, string Status, PaymentStatus PaymentStatus,
    CommercialState CommercialState, CrmSyncStatus CrmStatus, string? CrmError, string? CrmExternalId, string? WorkflowStepName = null, string? SubStatus = null,
    string? AssigneeName = null) : IGridRow
{
    public string CustomerName => PersonName.Of(FirstName, LastName, Email);

    public string WorkflowStep => WorkflowStepColumn.OrderStepLabel(WorkflowStepName);
}

/// <summary>One page of the orders grid: one round trip for the rows and one for the count, both filtered, sorted and paged by the database.</summary>
public sealed class OrderGridQuery : GridQuery<Order, OrderGridFilter, OrderRow>
{
    /// <summary>Row properties the grid may sort by; anything else falls back to newest first.</summary>
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(OrderRow.Number), nameof(OrderRow.PlacedAt), nameof(OrderRow.Subtotal), nameof(OrderRow.Status), nameof(OrderRow.Email)];

    /// <summary>A status or a workflow step alone selects most orders, and no filter selects them all: those totals are kept as counters rather than counted.</summary>
    protected override ValueCounts.CountedValue? CountedBy(OrderGridFilter filter) => filter switch
    {
        { Status: { Length: > 0 } status } when SelectsOnly(filter, new OrderGridFilter(Status: status)) => ValueCounts.OrderStatus.Of(status),
        { WorkflowStep: { Length: > 0 } step } when SelectsOnly(filter, new OrderGridFilter(WorkflowStep: step)) => ValueCounts.OrderWorkflowStep.Of(step),
        _ when SelectsOnly(filter, new OrderGridFilter()) => ValueCounts.OrderStatus.AllRows,
        _ => null,
    };

    protected override IQueryable<Order> Filter(CommerceDbContext db, OrderGridFilter filter)
    {
        var orders = db.Orders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Status)) orders = orders.Where(o => o.Status == filter.Status);
        if (filter.ChannelId is { } channelId) orders = orders.Where(o => o.ChannelId == channelId);
        if (filter.CustomerId is { } customerId) orders = orders.Where(o => o.CustomerId == customerId);
        if (filter.WorkflowStep is { Length: > 0 } step) orders = orders.WhereWorkflowStep(step);
        if (filter.AssigneeId == OrderGridFilter.Unassigned) orders = orders.Where(o => o.AssigneeId == null);
        else if (filter.AssigneeId is { Length: > 0 } assignee) orders = orders.Where(o => o.AssigneeId == assignee);
        if (DayRange.StartOf(filter.PlacedFrom, filter.DayZone) is { } from) orders = orders.Where(o => o.PlacedAt >= from);
        if (DayRange.EndOf(filter.PlacedTo, filter.DayZone) is { } to) orders = orders.Where(o => o.PlacedAt < to);

        if (FullTextSearch.IsAvailable(db))
        {
            if (FullTextIndexes.MatchExpression(filter.Search) is { } match)
            {
                if (db.Database.IsNpgsql())
                {
                    var matching = FullTextSearch.OrderIdsWithCustomers(db, match);
                    return orders.Where(o => matching.Contains(o.Id));
                }
                var orderIds = FullTextSearch.OrderIds(db, match);
                // Non-nullable ids keep this a plain IN (subquery); a nullable Contains becomes a correlated EXISTS per row.
                var customerIds = FullTextSearch.CustomerIds(db, match);
                orders = orders.Where(o => orderIds.Contains(o.Id) || (o.CustomerId != null && customerIds.Contains(o.CustomerId.Value)));
            }
        }
        else if (TextSearch.Prefix(filter.Search) is { } pattern)
        {
            var customerIds = Customers.CustomerGridQuery.MatchingNames(db, filter.Search, pattern).Select(c => (long?)c.Id);
            orders = orders.Where(o =>
                EF.Functions.Like(o.Number, pattern, TextSearch.EscapeCharacter)
                || EF.Functions.Like(o.Email!, pattern.ToLowerInvariant(), TextSearch.EscapeCharacter)
                || customerIds.Contains(o.CustomerId));
        }
        return orders;
    }

    /// <summary>
    /// The grid's order, always ending in the id so pages never overlap. Each order is one an index walks without a
    /// sort (IX_Orders_*; SQLite walks an index backwards only when every column flips, hence IX_Orders_StatusSort
    /// for status ascending with the newest first inside each status).
    /// </summary>
    protected override IOrderedQueryable<Order> Sort(IQueryable<Order> orders, GridPaging paging) => (paging.SortBy, paging.Descending) switch
    {
        (nameof(OrderRow.Number), var descending) => orders.OrderForGrid(o => o.Number, descending),
        (nameof(OrderRow.Subtotal), var descending) => orders.OrderForGrid(o => o.Subtotal.Amount, descending),
        (nameof(OrderRow.Status), false) => orders.OrderBy(o => o.Status).ThenByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id),
        (nameof(OrderRow.Status), true) => orders.OrderByDescending(o => o.Status).ThenByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id),
        (nameof(OrderRow.Email), var descending) => orders.OrderForGrid(o => o.Email, descending),
        (nameof(OrderRow.PlacedAt), false) => orders.OrderForGrid(o => o.PlacedAt, descending: false),
        _ => orders.OrderForGrid(o => o.PlacedAt, descending: true),
    };

    /// <summary>The rows of sorted orders with their channel code and customer name (the order is kept through the joins).</summary>
    // The channel code and the assignee's name are lookups per row rather than joins: joined, SQLite without table statistics may start from the
    // channels and walk every record of each channel to find the page's few rows.
    protected override IQueryable<OrderRow> Project(CommerceDbContext db, IOrderedQueryable<Order> sorted) =>
        from o in sorted
        join c in db.Customers on o.CustomerId equals c.Id into customers
        from c in customers.DefaultIfEmpty()
        select new OrderRow(
            o.Id, o.Number, db.Channels.Where(ch => ch.Id == o.ChannelId).Select(ch => ch.Code).First(), o.CustomerId, c == null ? null : c.FirstName, c == null ? null : c.LastName, o.Email,
            o.PlacedAt, o.Subtotal.Amount, o.Subtotal.Currency, o.Status, o.PaymentStatus,
            o.CommercialState, o.CrmSync.Status, o.CrmSync.LastError, o.CrmSync.ExternalId, o.WorkflowStep, o.SubStatus,
            db.Users.Where(u => u.Id == o.AssigneeId).Select(u => u.DisplayName).FirstOrDefault());
}
