using CommerceDesk.Data;
using CommerceDesk.Domain.Assignment;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>
/// Development demo: the seeded users form the team "Web sales", channel <c>web</c> sends it new orders, and the demo
/// orders are shared out between them as the team would have taken them, except the oldest fifth, placed before the
/// team existed, which wait for a manager to hand them out. Runs once: only while there is no team.
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
        var orders = await db.Orders.Where(o => o.ChannelId == channel.Id && o.AssigneeId == null)
            .OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        var taken = orders.Skip(orders.Count / 5).ToList();
        for (var i = 0; i < taken.Count; i++) taken[i].AssignTo(users[i % users.Count]);
        await db.SaveChangesAsync(cancellationToken);
    }
}
