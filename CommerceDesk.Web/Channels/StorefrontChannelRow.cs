namespace CommerceDesk.Web.Channels;

/// <summary>A channel as the settings page lists it, with its keys.</summary>
public sealed record StorefrontChannelRow(long Id, string Code, string Name, string Currency, string TimeZone, IReadOnlyList<ChannelKeyRow> Keys);

/// <summary>An API key as an admin sees it: label and dates, never the hash.</summary>
public sealed record ChannelKeyRow(long Id, string Label, DateTime CreatedAt, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
