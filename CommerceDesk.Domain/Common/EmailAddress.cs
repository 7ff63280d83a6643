using System.Net.Mail;

namespace CommerceDesk.Domain.Common;

public static class EmailAddress
{
    /// <summary>A plain address (no display name), as storefronts send them.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && value.Contains('.', StringComparison.Ordinal);

    /// <summary>Storefronts put placeholders on guest carts before the customer types an address.</summary>
    public static bool IsPlaceholder(string? value) =>
        value is null
        || value.EndsWith("@guest.invalid", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("guest@", StringComparison.OrdinalIgnoreCase);
}
