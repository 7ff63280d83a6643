using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>Who a channel's new orders go to: nobody, a sales team (in turn), or one salesperson.</summary>
public enum AssignmentTarget { Nobody, Team, Salesperson }

public sealed record ChannelAssignment(AssignmentTarget Target, long? TeamId, string? SalespersonId);

/// <summary>The channel settings page's "New orders go to" section.</summary>
public sealed class ChannelAssignmentSettings(IDbContextFactory<CommerceDbContext> factory)
{
    public async Task<ChannelAssignment?> LoadAsync(long channelId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == channelId)
            .Select(c => new { c.SalesTeamId, c.SalespersonId }).SingleOrDefaultAsync(ct);
        return channel switch
        {
            null => null,
            { SalesTeamId: { } team } => new ChannelAssignment(AssignmentTarget.Team, team, null),
            { SalespersonId: { } user } => new ChannelAssignment(AssignmentTarget.Salesperson, null, user),
            _ => new ChannelAssignment(AssignmentTarget.Nobody, null, null),
        };
    }

    /// <summary>Null when saved; otherwise why not, in words for the admin.</summary>
    public async Task<string?> SaveAsync(long channelId, ChannelAssignment assignment, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, ct);
        if (channel is null) return "This channel no longer exists; reload.";
        switch (assignment)
        {
            case { Target: AssignmentTarget.Team, TeamId: { } teamId }:
                if (!await db.SalesTeams.AnyAsync(t => t.Id == teamId, ct)) return "That team no longer exists; reload.";
                channel.AssignNewOrdersToTeam(teamId);
                break;
            case { Target: AssignmentTarget.Team }:
                return "Choose the team that takes this channel's orders.";
            case { Target: AssignmentTarget.Salesperson, SalespersonId: { Length: > 0 } userId }:
                if ((await AssignableUsers.ActiveAsync(db, [userId], ct)).Count == 0) return "That user is disabled or no longer exists.";
                channel.AssignNewOrdersTo(userId);
                break;
            case { Target: AssignmentTarget.Salesperson }:
                return "Choose the salesperson who takes this channel's orders.";
            default:
                channel.StopAssigningNewOrders();
                break;
        }
        await db.SaveChangesAsync(ct);
        return null;
    }
}
