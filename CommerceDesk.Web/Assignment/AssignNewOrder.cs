using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Assignment;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>
/// A new e-commerce order goes to the channel's salesperson, or to the next member of the channel's sales team in turn,
/// inside the save that stores it (DESIGN §5). Disabled users are passed over; with nobody to take it the order stays
/// unassigned for a manager to hand out. A save that fails after taking a turn leaves that turn unused (the next order
/// takes the next one), never a turn given twice.
/// </summary>
public sealed class AssignNewOrder(ILogger<AssignNewOrder> logger) : IDomainEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced placed, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var order = placed.Order;
        if (order.AssigneeId is not null) return;
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == order.ChannelId)
            .Select(c => new { c.SalesTeamId, c.SalespersonId }).SingleOrDefaultAsync(cancellationToken);
        if (channel is null) return;

        if (channel.SalespersonId is { } salesperson)
        {
            if ((await AssignableUsers.ActiveAsync(db, [salesperson], cancellationToken)).Count == 1) order.AssignTo(salesperson);
            else logger.LogWarning("Order {Number} stays unassigned: the channel's salesperson is disabled or gone", order.Number);
            return;
        }
        if (channel.SalesTeamId is not { } teamId) return;

        var members = await db.Set<SalesTeamMember>().AsNoTracking().Where(m => m.TeamId == teamId)
            .OrderBy(m => m.Position).Select(m => m.UserId).ToListAsync(cancellationToken);
        var active = (await AssignableUsers.ActiveAsync(db, members, cancellationToken)).ToHashSet();
        var available = members.Where(active.Contains).ToList();
        if (available.Count == 0)
        {
            logger.LogWarning("Order {Number} stays unassigned: sales team {TeamId} has no active member", order.Number, teamId);
            return;
        }
        if (await SalesTeamTurns.TakeAsync(db, teamId, cancellationToken) is { } turn)
            order.AssignTo(SalesTeam.TurnOf(turn, available));
    }
}
