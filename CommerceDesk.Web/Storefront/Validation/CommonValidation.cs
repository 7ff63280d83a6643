using CommerceDesk.Domain.Common;
using CommerceDesk.Web.Storefront.Infrastructure;

namespace CommerceDesk.Web.Storefront.Validation;

/// <summary>Checks of fields that customers, carts and orders share, reported with their JSON path.</summary>
internal static class CommonValidation
{
    public static void ExternalId(FieldErrors errors, string field, string? value, bool required)
    {
        if (required) errors.Required(field, value);
        errors.MaxLength(field, value, StorefrontRecord.ExternalIdMaxLength);
        ControlCharacters(errors, field, value);
    }

    /// <summary>
    /// Ids travel in URLs, headers, CSV files and e-mails: any letter or symbol is fine ("café", emoji, CJK, RTL),
    /// a line feed, NUL or other control character is not. The same holds for the single-line texts (names, SKUs,
    /// numbers, phone, payment code); a NUL would also fail the save on PostgreSQL, whose text cannot hold it.
    /// </summary>
    public static void ControlCharacters(FieldErrors errors, string field, string? value)
    {
        if (value is not null && value.Any(char.IsControl))
            errors.Add(field, ControlCharacterMessage);
    }

    public const string ControlCharacterMessage = "Must not contain control characters (line feed, tab, NUL, …).";

    public static void Email(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Trim().Length > Domain.Customers.Customer.EmailMaxLength)
            errors.Add(field, $"Must be at most {Domain.Customers.Customer.EmailMaxLength} characters.");
        else if (!EmailAddress.IsValid(value.Trim())) errors.Add(field, "Not a valid e-mail address.");
    }

    /// <summary>A required storefront time (updatedAt, placedAt), refused when it lies more than a day ahead of <paramref name="now"/>.</summary>
    public static void StorefrontTime(FieldErrors errors, string field, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is null) errors.Add(field, "This field is required.");
        else if (!StorefrontRecord.IsPlausible(value.Value, now))
            errors.Add(field, $"Must not be more than {StorefrontRecord.MaxClockAhead.TotalHours:0} hours ahead of the server's clock " +
                $"(now {now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}); check the storefront's clock and time zone.");
    }

    public static void Currency(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "This field is required.");
        else if (!Domain.Common.Currency.IsKnown(value.Trim().ToUpperInvariant()))
            errors.Add(field, $"'{value}' is not a supported ISO 4217 currency code.");
    }
}
