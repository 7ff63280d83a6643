namespace CommerceDesk.Domain.Common;

/// <summary>
/// A record a storefront owns and pushes to us by its own id. Webhooks are retried and arrive out of
/// order, so each push carries the storefront's <c>updatedAt</c> and only a strictly newer one is applied.
/// </summary>
public abstract class StorefrontRecord : Entity
{
    public const int ExternalIdMaxLength = 100;

    /// <summary>
    /// How far a storefront's clock may run ahead of ours. A version stamped further ahead would win over every later
    /// push (a year-9999 updatedAt freezes the record for good), so such times are refused, not stored.
    /// </summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromDays(1);

    /// <summary>Whether a storefront time is at most <see cref="MaxClockAhead"/> past <paramref name="now"/>.</summary>
    public static bool IsPlausible(DateTimeOffset time, DateTimeOffset now) => time <= now + MaxClockAhead;

    protected StorefrontRecord() { }

    protected StorefrontRecord(long channelId, string externalId, DateTime createdAt)
    {
        if (channelId <= 0) throw new DomainException("A channel is required.");
        ChannelId = channelId;
        ExternalId = Guard.Required(externalId, "External id", ExternalIdMaxLength);
        CreatedAt = Guard.Utc(createdAt);
    }

    public long ChannelId { get; private set; }
    public string ExternalId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>The storefront's own time of the version we hold; null until the first push.</summary>
    public DateTime? SourceUpdatedAt { get; private set; }

    /// <summary>True when <paramref name="updatedAt"/> is newer than what we hold; a duplicate or stale push is not.</summary>
    public bool IsNewer(DateTime updatedAt) => SourceUpdatedAt is null || Guard.Utc(updatedAt) > SourceUpdatedAt;

    protected void Stamp(DateTime updatedAt) => SourceUpdatedAt = Guard.Utc(updatedAt);
}
