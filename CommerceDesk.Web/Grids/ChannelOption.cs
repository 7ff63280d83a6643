using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Grids;

/// <summary>A channel as the grids' filter lists it.</summary>
public sealed record ChannelOption(long Id, string Code, string Name)
{
    public static async Task<IReadOnlyList<ChannelOption>> LoadAsync(IDbContextFactory<CommerceDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ChannelOption(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
    }
}
