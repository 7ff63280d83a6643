namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>The <c>Storefront</c> configuration section (documented in README.md, "Configuration").</summary>
public sealed class StorefrontOptions
{
    public const string Section = "Storefront";

    /// <summary>
    /// Most upserts that may wait for the SQLite writer; one more is refused with 503 and Retry-After instead of
    /// queueing without end. At about 450 upserts/s on a million-row file (docs/benchmarks.md) 1,000 is two seconds' work.
    /// </summary>
    public int WriteQueueLimit { get; set; } = 1000;
}
