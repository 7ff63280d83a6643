using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// Answers "which channel does this key open" and "which channel has this code" from a short-lived cache,
/// so the hot upsert path costs no extra query. Revoking a key through the back office evicts it here at once
/// (<see cref="ForgetKey"/>); other nodes keep their cached answer until it expires, so there a revoked key
/// stops working within <see cref="KeyLifetime"/> (<c>Storefront:KeyCacheSeconds</c>, 30 unless set).
/// </summary>
internal sealed class ChannelKeyResolver(IDbContextFactory<CommerceDbContext> factory, IMemoryCache cache, TimeSpan? keyLifetime = null)
{
    public const string KeyCacheSetting = "Storefront:KeyCacheSeconds";
    public static readonly TimeSpan DefaultKeyLifetime = TimeSpan.FromSeconds(30);

    public TimeSpan KeyLifetime { get; } = keyLifetime ?? DefaultKeyLifetime;

    /// <summary>The resolver with the key cache time the configuration gives.</summary>
    public static ChannelKeyResolver FromServices(IServiceProvider services) => new(
        services.GetRequiredService<IDbContextFactory<CommerceDbContext>>(), services.GetRequiredService<IMemoryCache>(),
        TimeSpan.FromSeconds(services.GetService<IConfiguration>()?.GetValue(KeyCacheSetting, DefaultKeyLifetime.TotalSeconds) ?? DefaultKeyLifetime.TotalSeconds));
    private static readonly TimeSpan ChannelLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The channel id of an active key, or null for an unknown or revoked one.</summary>
    public async Task<long?> ChannelOfKeyAsync(string plainKey, CancellationToken cancellationToken)
    {
        var hash = ChannelApiKey.HashOf(plainKey);
        if (cache.TryGetValue(("storefront-key", hash), out long? channelId)) return channelId;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        channelId = await db.ChannelApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => (long?)k.ChannelId)
            .SingleOrDefaultAsync(cancellationToken);
        cache.Set(("storefront-key", hash), channelId, KeyLifetime);
        return channelId;
    }

    /// <summary>The id of the channel with this code, or null when there is none.</summary>
    public async Task<long?> ChannelOfCodeAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToLowerInvariant();
        if (cache.TryGetValue(("storefront-channel", normalized), out long? channelId)) return channelId;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        channelId = await db.Channels.AsNoTracking()
            .Where(c => c.Code == normalized)
            .Select(c => (long?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);
        cache.Set(("storefront-channel", normalized), channelId, channelId is null ? KeyLifetime : ChannelLifetime);
        return channelId;
    }

    /// <summary>Drops the cached answer for a key (by its hash), so this node asks the database again.</summary>
    public void ForgetKey(string hash) => cache.Remove(("storefront-key", hash));

    /// <summary>Drops the cached answer for a channel code, e.g. a "no such channel" cached before it was created.</summary>
    public void ForgetChannel(string code) => cache.Remove(("storefront-channel", code.Trim().ToLowerInvariant()));
}
