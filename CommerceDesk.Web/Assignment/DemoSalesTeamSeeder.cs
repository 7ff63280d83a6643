using CommerceDesk.Data;
using CommerceDesk.Domain.Assignment;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>
/// Development demo: the seeded users form the team "Web sales", channel <c>web</c> sends it new orders, and the demo
/// orders already past Incoming are shared out between them (new ones wait for a manager, as in a real morning).
/// Runs once: only while there is no team.
/// </summary>
internal sealed class DemoSalesTeamSeeder(IDbContextFactory<CommerceDbContext> factory, Seeding.DemoShopOptions options) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Seed) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.SalesTeams.AnyAsync(cancellationToken)) return;
        var users = await db.Users.Where(u => u.DisabledAt == null).OrderBy(u => u.DisplayName).Select(u => u.Id).ToListAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Code == Seeding.DemoShopOptions.ChannelCode, cancellationToken);
        if (users.Count == 0 || channel is null) return;

        var team = new SalesTeam("Web sales", users);
        db.SalesTeams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        channel.AssignNewOrdersToTeam(team.Id);
        var handled = await db.Orders.Where(o => o.ChannelId == channel.Id && o.Status != Domain.Orders.OrderStatuses.Incoming && o.AssigneeId == null)
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < handled.Count; i++) handled[i].AssignTo(users[i % users.Count]);
        await db.SaveChangesAsync(cancellationToken);
    }
}
