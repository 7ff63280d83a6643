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
    long? CustomerId = null, string? WorkflowStep = null)
{
    /// <summary>No filter: every row.</summary>
    public OrderGridFilter() : this(Search: null) { }
}

public sealed record OrderRow(
    long Id, string Number, string Channel, long? CustomerId, string? FirstName, string? LastName, string? Email,
    DateTime PlacedAt, decimal Subtotal, string Currency, string Status, PaymentStatus PaymentStatus,
    CommercialState CommercialState, CrmSyncStatus CrmStatus, string? CrmError, string? CrmExternalId, string? WorkflowStepName = null)
{
    public string CustomerName => PersonName.Of(FirstName, LastName, Email);

    public string WorkflowStep => WorkflowStepColumn.OrderStepLabel(WorkflowStepName);
}

/// <summary>
/// One page of the orders grid: one round trip for the rows and one for the count, both filtered, sorted
/// and paged by the database. Free of UI types so the benchmarks run the very same query.
/// </summary>
public static class OrderGridQuery
{
    /// <summary>Row properties the grid may sort by; anything else falls back to newest first.</summary>
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(OrderRow.Number), nameof(OrderRow.PlacedAt), nameof(OrderRow.Subtotal), nameof(OrderRow.Status), nameof(OrderRow.Email)];

    public static async Task<GridPage<OrderRow>> RunAsync(
        CommerceDbContext db, OrderGridFilter filter, GridPaging paging, CancellationToken cancellationToken = default)
    {
        paging = paging.Normalized();
        var orders = Filter(db, filter);
        var total = await orders.CountAsync(cancellationToken);
        if (total == 0) return new GridPage<OrderRow>([], 0);
        var rows = await Project(db, orders, paging).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new GridPage<OrderRow>(rows, total);
    }

    /// <summary>Every row matching the filter in the grid's order, streamed (for the CSV export).</summary>
    public static IAsyncEnumerable<OrderRow> StreamAsync(CommerceDbContext db, OrderGridFilter filter, GridPaging paging) =>
        Project(db, Filter(db, filter), paging).AsAsyncEnumerable();

    public static IQueryable<Order> Filter(CommerceDbContext db, OrderGridFilter filter)
    {
        var orders = db.Orders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Status)) orders = orders.Where(o => o.Status == filter.Status);
        if (filter.ChannelId is { } channelId) orders = orders.Where(o => o.ChannelId == channelId);
        if (filter.CustomerId is { } customerId) orders = orders.Where(o => o.CustomerId == customerId);
        if (filter.WorkflowStep is { Length: > 0 } step) orders = orders.WhereWorkflowStep(step);
        if (DayRange.StartOf(filter.PlacedFrom) is { } from) orders = orders.Where(o => o.PlacedAt >= from);
        if (DayRange.EndOf(filter.PlacedTo) is { } to) orders = orders.Where(o => o.PlacedAt < to);

        if (FullTextSearch.IsAvailable(db))
        {
            if (FullTextIndexes.MatchExpression(filter.Search) is { } match)
            {
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

    private static IQueryable<OrderRow> Project(CommerceDbContext db, IQueryable<Order> orders, GridPaging paging)
    {
        var joined =
            from o in orders
            join ch in db.Channels on o.ChannelId equals ch.Id
            join c in db.Customers on o.CustomerId equals c.Id into customers
            from c in customers.DefaultIfEmpty()
            select new { Order = o, Channel = ch.Code, FirstName = c == null ? null : c.FirstName, LastName = c == null ? null : c.LastName };

        var sorted = (paging.SortBy, paging.Descending) switch
        {
            (nameof(OrderRow.Number), false) => joined.OrderBy(x => x.Order.Number).ThenBy(x => x.Order.Id),
            (nameof(OrderRow.Number), true) => joined.OrderByDescending(x => x.Order.Number).ThenByDescending(x => x.Order.Id),
            (nameof(OrderRow.Subtotal), false) => joined.OrderBy(x => x.Order.Subtotal.Amount).ThenBy(x => x.Order.Id),
            (nameof(OrderRow.Subtotal), true) => joined.OrderByDescending(x => x.Order.Subtotal.Amount).ThenByDescending(x => x.Order.Id),
            (nameof(OrderRow.Status), false) => joined.OrderBy(x => x.Order.Status).ThenByDescending(x => x.Order.PlacedAt),
            (nameof(OrderRow.Status), true) => joined.OrderByDescending(x => x.Order.Status).ThenByDescending(x => x.Order.PlacedAt),
            (nameof(OrderRow.Email), false) => joined.OrderBy(x => x.Order.Email).ThenBy(x => x.Order.Id),
            (nameof(OrderRow.Email), true) => joined.OrderByDescending(x => x.Order.Email).ThenByDescending(x => x.Order.Id),
            (nameof(OrderRow.PlacedAt), false) => joined.OrderBy(x => x.Order.PlacedAt).ThenBy(x => x.Order.Id),
            _ => joined.OrderByDescending(x => x.Order.PlacedAt).ThenByDescending(x => x.Order.Id),
        };

        return sorted.Select(x => new OrderRow(
            x.Order.Id, x.Order.Number, x.Channel, x.Order.CustomerId, x.FirstName, x.LastName, x.Order.Email,
            x.Order.PlacedAt, x.Order.Subtotal.Amount, x.Order.Subtotal.Currency, x.Order.Status, x.Order.PaymentStatus,
            x.Order.CommercialState, x.Order.CrmSync.Status, x.Order.CrmSync.LastError, x.Order.CrmSync.ExternalId, x.Order.WorkflowStep));
    }
}
