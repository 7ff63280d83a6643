namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>The record an upsert writes, as the storefront names it: for log lines and for the per-record lock on server databases.</summary>
internal readonly record struct StorefrontRecordKey(string Channel, string Kind, string ExternalId);
