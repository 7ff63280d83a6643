namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>The storefront write queue holds its limit of upserts: this one was refused before anything was written.</summary>
internal sealed class WriteQueueFullException(int limit)
    : Exception($"{limit} storefront upserts are already waiting to be written.");
