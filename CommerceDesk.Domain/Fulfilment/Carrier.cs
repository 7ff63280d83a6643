using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Fulfilment;

/// <summary>A carrier parcels leave with, and how its website shows a parcel: a URL with <c>{tracking}</c> where the number goes.</summary>
public sealed class Carrier : Entity, IVersioned
{
    public const int NameMaxLength = 100;
    public const int TemplateMaxLength = 500;
    public const string TrackingPlaceholder = "{tracking}";

    private Carrier() { }

    public Carrier(string name, string trackingUrlTemplate) => Edit(name, trackingUrlTemplate);

    public string Name { get; private set; } = "";
    public string TrackingUrlTemplate { get; private set; } = "";
    public int Version { get; private set; }

    public void Edit(string name, string trackingUrlTemplate)
    {
        Name = Guard.Required(name, "Carrier name", NameMaxLength);
        var template = Guard.Required(trackingUrlTemplate, "Tracking URL", TemplateMaxLength);
        if (!template.Contains(TrackingPlaceholder, StringComparison.Ordinal))
            throw new DomainException($"The tracking URL must contain {TrackingPlaceholder} where the tracking number goes.");
        if (!Uri.TryCreate(template.Replace(TrackingPlaceholder, "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http"))
            throw new DomainException("The tracking URL must be a web address starting with https:// (or http://).");
        TrackingUrlTemplate = template;
    }

    /// <summary>The parcel's page: the number URL-encoded into the template, so no number can change where the link goes.</summary>
    public string TrackingUrlFor(string trackingNumber) => TrackingUrl(TrackingUrlTemplate, trackingNumber);

    public static string TrackingUrl(string template, string trackingNumber) =>
        template.Replace(TrackingPlaceholder, Uri.EscapeDataString(trackingNumber.Trim()), StringComparison.Ordinal);
}
