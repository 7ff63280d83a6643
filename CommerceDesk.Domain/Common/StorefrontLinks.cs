namespace CommerceDesk.Domain.Common;

/// <summary>
/// Storefronts name related records by their own ids, and the records arrive in any order. A link is only
/// made to the record actually named, in the same channel, once it has been saved.
/// </summary>
internal static class StorefrontLinks
{
    public static long Check(StorefrontRecord from, StorefrontRecord to, string? namedExternalId, string what)
    {
        if (to.ChannelId != from.ChannelId)
            throw new DomainException($"The {what} '{to.ExternalId}' belongs to another channel.");
        if (namedExternalId != to.ExternalId)
            throw new DomainException($"This record names {what} '{namedExternalId ?? "(none)"}', not '{to.ExternalId}'.");
        if (to.Id == 0) throw new InvalidOperationException($"Save the {what} before linking it.");
        return to.Id;
    }
}
