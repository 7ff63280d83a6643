using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>One main status as the admin named and coloured it, with how many orders are in it.</summary>
public sealed record OrderStatusCount(string Code, string Name, string Colour, int Count);

public static class OrderStatusCounts
{
    /// <summary>
    /// Every main status in the admin's order with its count: one counter row read per status where counters are kept
    /// (a status of a million orders is not counted row by row), otherwise one grouped count.
    /// </summary>
    public static async Task<IReadOnlyList<OrderStatusCount>> LoadAsync(CommerceDbContext db, OrderStatusRules rules, CancellationToken ct = default)
    {
        var mains = rules.All.Where(d => !d.IsSubStatus).ToList();
        var counts = new Dictionary<string, int>();
        foreach (var status in mains)
            if (await ValueCounts.TryCountAsync(db, ValueCounts.OrderStatus.Of(status.Code), ct) is { } counted) counts[status.Code] = counted;
        if (counts.Count < mains.Count)
            counts = await db.Orders.AsNoTracking().GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return mains.Select(d => new OrderStatusCount(d.Code, d.Name, d.Colour, counts.GetValueOrDefault(d.Code))).ToList();
    }
}
