using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Dashboard;

/// <summary>Revenue of one UTC day in one currency.</summary>
public sealed record DailyRevenue(DateOnly Day, string Currency, decimal Amount);

/// <summary>The dashboard's numbers, one database query each (counts and a grouped sum, never rows in memory).</summary>
public static class DashboardFigures
{
    public static Task<int> NewOrdersAsync(CommerceDbContext db, CancellationToken cancellationToken = default) =>
        db.Orders.CountAsync(o => o.Status == OrderStatuses.Incoming, cancellationToken);

    public static Task<int> OpenCartsAsync(CommerceDbContext db, CancellationToken cancellationToken = default) =>
        db.Carts.CountAsync(c => c.Status == CartStatus.Open, cancellationToken);

    public static Task<int> AbandonedCartsAsync(CommerceDbContext db, CancellationToken cancellationToken = default) =>
        db.Carts.CountAsync(c => c.Status == CartStatus.Abandoned, cancellationToken);

    /// <summary>Monday 00:00 UTC of the week holding <paramref name="now"/>.</summary>
    public static DateOnly WeekStart(DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    /// <summary>Order subtotals placed this week (Monday to now, UTC) per day and currency; cancelled orders do not count.</summary>
    public static async Task<IReadOnlyList<DailyRevenue>> RevenueThisWeekAsync(CommerceDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        var start = WeekStart(now).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= start && o.Status != OrderStatuses.Cancelled)
            .GroupBy(o => new { o.PlacedAt.Date, o.Subtotal.Currency })
            .Select(g => new { g.Key.Date, g.Key.Currency, Amount = g.Sum(o => o.Subtotal.Amount) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DailyRevenue(DateOnly.FromDateTime(r.Date), r.Currency, r.Amount))
            .OrderBy(r => r.Day).ThenBy(r => r.Currency).ToList();
    }
}
