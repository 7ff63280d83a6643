using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Orders.Statuses;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.MassActions;

/// <summary>What the picked orders may move to together: only statuses every one of them may reach from where it is.</summary>
public sealed record MassStatusChoices(OrderStatusRules Rules, IReadOnlyList<OrderStatusDefinition> Common, IReadOnlyList<string> CurrentCodes)
{
    /// <summary>"Completed · Delivered" for a sub-status, the name alone for a main status.</summary>
    public string Label(string code) =>
        Rules.Find(code) is { ParentCode: { } parent } sub ? $"{Rules.NameOf(parent)} · {sub.Name}" : Rules.NameOf(code);
}

/// <summary>
/// "Change status" on the grid's picked rows. Each order moves through <see cref="ChangeOrderStatus"/>, exactly as on
/// the order page (its history line, its status's e-mails, its events), in its own save: one order changed meanwhile
/// or refused by the lifecycle is reported and never holds back the others.
/// </summary>
public sealed class ChangeStatusOfOrders(IDbContextFactory<CommerceDbContext> factory, ChangeOrderStatus change)
{
    public async Task<MassStatusChoices> ChoicesAsync(IReadOnlyCollection<long> orderIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct));
        var current = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => o.SubStatus ?? o.Status).Distinct().ToListAsync(ct);
        IEnumerable<OrderStatusDefinition>? common = null;
        foreach (var code in current)
        {
            var next = rules.NextFrom(code);
            common = common is null ? next : common.Where(next.Contains).ToList();
        }
        return new MassStatusChoices(rules, (common ?? []).ToList(), current);
    }

    public async Task<MassChangeReport> RunAsync(IReadOnlyCollection<long> orderIds, string targetCode, string? note, Actor actor, CancellationToken ct = default)
    {
        List<(long Id, string Number, int Version, int Sequence)> orders;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            orders = (await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).OrderBy(o => o.Id)
                    .Select(o => new { o.Id, o.Number, o.Version, o.StatusSequence }).ToListAsync(ct))
                .Select(o => (o.Id, o.Number, o.Version, o.StatusSequence)).ToList();
        }
        var refusals = orderIds.Distinct().Where(id => orders.All(o => o.Id != id)).Select(id => $"Order #{id} no longer exists.").ToList();
        var moved = 0;
        foreach (var order in orders)
        {
            var outcome = await change.RunAsync(order.Id, targetCode, note, actor, order.Version, order.Sequence, ct);
            if (outcome.Succeeded) moved++;
            else refusals.Add($"{order.Number}: {outcome.Message}");
        }
        return new MassChangeReport("Moved", moved, refusals);
    }
}
