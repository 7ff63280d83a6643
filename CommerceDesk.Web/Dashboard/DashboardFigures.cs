using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Dashboard;

/// <summary>Revenue of one of the manager's calendar days in one currency.</summary>
public sealed record DailyRevenue(DateOnly Day, string Currency, decimal Amount);

/// <summary>The dashboard's numbers, one database query each (counters, counts and a grouped sum, never rows in memory).</summary>
public static class DashboardFigures
{
    public static Task<int> NewOrdersAsync(CommerceDbContext db, CancellationToken cancellationToken = default) =>
        ValueCounts.CountAsync(db, ValueCounts.OrderStatus.Of(OrderStatuses.Incoming),
            db.Orders.Where(o => o.Status == OrderStatuses.Incoming), cancellationToken);

    public static Task<int> OpenCartsAsync(CommerceDbContext db, CancellationToken cancellationToken = default) =>
        ValueCounts.CountAsync(db, ValueCounts.CartStatus.Of(nameof(CartStatus.Open)),
            db.Carts.Where(c => c.Status == CartStatus.Open), cancellationToken);

    public static Task<int> AbandonedCartsAsync(CommerceDbContext db, CancellationToken cancellationToken = default) =>
        ValueCounts.CountAsync(db, ValueCounts.CartStatus.Of(nameof(CartStatus.Abandoned)),
            db.Carts.Where(c => c.Status == CartStatus.Abandoned), cancellationToken);

    /// <summary>Monday of the week holding <paramref name="now"/> on the manager's calendar (<paramref name="zone"/>).</summary>
    public static DateOnly WeekStart(DateTime now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), zone));
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    /// <summary>Main statuses whose orders bring no revenue: the order was called off, or its money went back.</summary>
    public static readonly IReadOnlyList<string> NoRevenueStatuses = [OrderStatuses.Cancelled, OrderStatuses.Refunded];

    /// <summary>
    /// Order subtotals placed this week (the manager's Monday to now) per day and currency; cancelled and refunded orders do not count.
    /// Each day runs from the manager's midnight to the next, so a day may last 23 or 25 hours.
    /// The database sums one day and currency as a 64-bit count of ten-thousandths; an order's subtotal is at most
    /// <see cref="Domain.Common.AmountLimits.MaxTotal"/>, so any 1,000,000 orders in one group fit (9 × 10^18 of
    /// 9.22 × 10^18). The week's totals add the days up as decimals, which cannot overflow.
    /// </summary>
    public static async Task<IReadOnlyList<DailyRevenue>> RevenueThisWeekAsync(
        CommerceDbContext db, DateTime now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var monday = WeekStart(now, zone);
        var starts = Enumerable.Range(0, 8).Select(i => DayRange.StartOf(monday.AddDays(i), zone)!.Value).ToArray();
        DateTime d0 = starts[0], d1 = starts[1], d2 = starts[2], d3 = starts[3], d4 = starts[4], d5 = starts[5], d6 = starts[6], d7 = starts[7];
        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= d0 && o.PlacedAt < d7 && o.Status != OrderStatuses.Cancelled && o.Status != OrderStatuses.Refunded)
            .GroupBy(o => new
            {
                Day = o.PlacedAt < d1 ? 0 : o.PlacedAt < d2 ? 1 : o.PlacedAt < d3 ? 2 : o.PlacedAt < d4 ? 3 : o.PlacedAt < d5 ? 4 : o.PlacedAt < d6 ? 5 : 6,
                o.Subtotal.Currency,
            })
            .Select(g => new { g.Key.Day, g.Key.Currency, Amount = g.Sum(o => o.Subtotal.Amount) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DailyRevenue(monday.AddDays(r.Day), r.Currency, r.Amount))
            .OrderBy(r => r.Day).ThenBy(r => r.Currency).ToList();
    }
}
