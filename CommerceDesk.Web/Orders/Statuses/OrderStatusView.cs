using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>What the order page's status panel shows: where the order is, where it may go, and how it got here.</summary>
public sealed record OrderStatusView(long OrderId, string Code, int Version, int Sequence, OrderStatusRules Rules, IReadOnlyList<OrderStatusChange> History)
{
    public OrderStatusDefinition? Current => Rules.Find(Code);

    public IReadOnlyList<OrderStatusDefinition> Next => Rules.NextFrom(Code);

    /// <summary>"Completed · Delivered" for a sub-status, the name alone for a main status.</summary>
    public string Label(string code) =>
        Rules.Find(code) is { ParentCode: { } parent } sub ? $"{Rules.NameOf(parent)} · {sub.Name}" : Rules.NameOf(code);

    public static async Task<OrderStatusView?> LoadAsync(CommerceDbContext db, long orderId, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.Status, o.SubStatus, o.Version, o.StatusSequence }).SingleOrDefaultAsync(ct);
        if (order is null) return null;
        var definitions = await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct);
        var history = await db.OrderStatusHistory.AsNoTracking().Where(h => h.OrderId == orderId)
            .OrderByDescending(h => h.Sequence).ToListAsync(ct);
        return new OrderStatusView(orderId, order.SubStatus ?? order.Status, order.Version, order.StatusSequence, new OrderStatusRules(definitions), history);
    }
}
