namespace CommerceDesk.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException($"{what} is required.");
        return MaxLength(value.Trim(), what, maxLength)!;
    }

    public static string? Optional(string? value, string what, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : MaxLength(value.Trim(), what, maxLength);

    public static DateTime Utc(DateTime value) =>
        value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };

    private static string? MaxLength(string? value, string what, int maxLength) =>
        value is not null && value.Length > maxLength
            ? throw new DomainException($"{what} must be at most {maxLength} characters.")
            : value;
}
