using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Webhooks;

/// <summary>A channel's status webhook as the settings page shows it: the URL, and only whether a secret is set.</summary>
public sealed record ChannelWebhookView(string? Url, bool HasSecret);

public sealed class ChannelWebhookSettings(IDbContextFactory<CommerceDbContext> factory)
{
    public async Task<ChannelWebhookView?> LoadAsync(long channelId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Channels.AsNoTracking().Where(c => c.Id == channelId)
            .Select(c => new ChannelWebhookView(c.StatusWebhookUrl, c.StatusWebhookSecret != null)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Saves the URL and, when one is typed, a new secret; a blank URL removes the webhook (and its secret). Null when
    /// saved; otherwise why not, with nothing changed.
    /// </summary>
    public async Task<string?> SaveAsync(long channelId, string? url, string? newSecret, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, ct);
        if (channel is null) return "This channel no longer exists; reload.";
        try
        {
            if (string.IsNullOrWhiteSpace(url)) channel.RemoveStatusWebhook();
            else channel.SetStatusWebhook(url, newSecret);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }
}
