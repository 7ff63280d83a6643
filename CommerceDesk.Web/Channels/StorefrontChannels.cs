using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Channels;

/// <summary>
/// The channel settings page's handler for storefronts and their API keys: create a channel, issue a key (only
/// its hash is stored), revoke one. Revoking evicts the key from this node's key cache so the API refuses it at once.
/// </summary>
internal sealed class StorefrontChannels(IDbContextFactory<CommerceDbContext> factory, TimeProvider time, ChannelKeyResolver keys)
{
    /// <summary>What the "New channel" form sends; mutable so the form can bind to it.</summary>
    public sealed class ChannelDraft
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Currency { get; set; } = "EUR";
        public string TimeZone { get; set; } = "UTC";
    }

    /// <summary>The new channel's id, or the reason per field (keyed by the draft's property name) nothing was saved.</summary>
    public sealed record CreateOutcome(long? ChannelId, IReadOnlyDictionary<string, string> Errors)
    {
        public bool Created => ChannelId is not null;
    }

    /// <summary>The plain key, handed out this once, or the reason no key was issued.</summary>
    public sealed record IssueOutcome(string? PlainKey, string? Error);

    public async Task<IReadOnlyList<StorefrontChannelRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.Name, c.Currency, c.TimeZone })
            .ToListAsync(cancellationToken);
        // The hash is never read: nothing on the page could leak it.
        var apiKeys = await db.ChannelApiKeys.AsNoTracking()
            .Select(k => new { k.ChannelId, Row = new ChannelKeyRow(k.Id, k.Label, k.CreatedAt, k.RevokedAt) })
            .ToListAsync(cancellationToken);
        var byChannel = apiKeys.ToLookup(k => k.ChannelId, k => k.Row);
        return channels.Select(c => new StorefrontChannelRow(c.Id, c.Code, c.Name, c.Currency, c.TimeZone,
            byChannel[c.Id].OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt).ToList())).ToList();
    }

    public async Task<CreateOutcome> CreateAsync(ChannelDraft draft, CancellationToken cancellationToken)
    {
        var code = draft.Code.Trim();
        var errors = Validate(draft, code);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!errors.ContainsKey(nameof(ChannelDraft.Code)) && await db.Channels.AnyAsync(c => c.Code == code, cancellationToken))
            errors[nameof(ChannelDraft.Code)] = DuplicateCode(code);
        if (errors.Count > 0) return new CreateOutcome(null, errors);

        try
        {
            var channel = new Channel(code, draft.Name.Trim(), draft.Currency, draft.TimeZone.Trim());
            db.Channels.Add(channel);
            await db.SaveChangesAsync(cancellationToken);
            // The API may have cached "no such channel" for this code a moment ago.
            keys.ForgetChannel(channel.Code);
            return new CreateOutcome(channel.Id, new Dictionary<string, string>());
        }
        catch (DomainException ex)
        {
            return new CreateOutcome(null, new Dictionary<string, string> { [""] = ex.Message });
        }
        catch (DbUpdateException)
        {
            // Another admin created the same code between our check and the save: the unique index caught it.
            return new CreateOutcome(null, new Dictionary<string, string> { [nameof(ChannelDraft.Code)] = DuplicateCode(code) });
        }
    }

    public async Task<IssueOutcome> IssueKeyAsync(long channelId, string label, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(label)) return new IssueOutcome(null, "Enter a label, e.g. the shop or the server that will use the key.");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null) return new IssueOutcome(null, "The channel no longer exists.");
        try
        {
            var plainKey = ChannelApiKey.Generate();
            var key = channel.AddApiKey(plainKey, label.Trim(), time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            keys.ForgetKey(key.Hash);
            return new IssueOutcome(plainKey, null);
        }
        catch (DomainException ex)
        {
            return new IssueOutcome(null, ex.Message);
        }
    }

    /// <summary>Revokes the key; returns null when done, else the reason nothing changed.</summary>
    public async Task<string?> RevokeKeyAsync(long channelId, long keyId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ChannelApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.ChannelId == channelId, cancellationToken);
        if (key is null) return "The key no longer exists.";
        key.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        // After the commit, so the next lookup on this node reads the revoked row. (A request that read the row just
        // before the commit may still cache it as active; that narrow race is bounded by the 30-s key lifetime.)
        keys.ForgetKey(key.Hash);
        return null;
    }

    private static Dictionary<string, string> Validate(ChannelDraft draft, string code)
    {
        var errors = new Dictionary<string, string>();
        if (Channel.CodeProblem(code) is { } codeProblem) errors[nameof(ChannelDraft.Code)] = codeProblem;

        var name = draft.Name.Trim();
        if (name.Length == 0) errors[nameof(ChannelDraft.Name)] = "Enter the storefront's name.";
        else if (name.Length > Channel.NameMaxLength) errors[nameof(ChannelDraft.Name)] = $"The name can have at most {Channel.NameMaxLength} characters.";

        var currency = draft.Currency.Trim().ToUpperInvariant();
        if (currency.Length == 0) errors[nameof(ChannelDraft.Currency)] = "Choose the storefront's currency.";
        else if (!Currency.IsKnown(currency)) errors[nameof(ChannelDraft.Currency)] = $"Currency '{draft.Currency.Trim()}' is not a known ISO 4217 currency.";

        if (Channel.TimeZoneProblem(draft.TimeZone.Trim()) is { } zoneProblem) errors[nameof(ChannelDraft.TimeZone)] = zoneProblem;
        return errors;
    }

    private static string DuplicateCode(string code) => $"A channel with code {code} already exists.";
}
