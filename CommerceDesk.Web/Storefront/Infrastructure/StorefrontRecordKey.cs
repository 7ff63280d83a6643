namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>The record an upsert writes, as the storefront names it: for log lines about that upsert.</summary>
internal readonly record struct StorefrontRecordKey(string Channel, string Kind, string ExternalId);
