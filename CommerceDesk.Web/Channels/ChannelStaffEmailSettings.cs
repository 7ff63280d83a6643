using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Channels;

/// <summary>A channel's staff address on the channel settings page: where new-order notices and status e-mails to staff go.</summary>
public sealed class ChannelStaffEmailSettings(IDbContextFactory<CommerceDbContext> factory)
{
    public async Task<string?> LoadAsync(long channelId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.StaffEmail).SingleOrDefaultAsync(ct);
    }

    /// <summary>Saves the address (blank clears it). Null when saved; otherwise why not, with nothing changed.</summary>
    public async Task<string?> SaveAsync(long channelId, string? address, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, ct);
        if (channel is null) return "This channel no longer exists; reload.";
        try
        {
            channel.SetStaffEmail(address);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }
}
