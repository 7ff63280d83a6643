namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>Collects per-field messages keyed by JSON path (<c>items[0].quantity</c>) for a validation problem.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }

    public void Required(string field, object? value)
    {
        if (value is null || value is string text && string.IsNullOrWhiteSpace(text)) Add(field, "This field is required.");
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength) Add(field, $"Must be at most {maxLength} characters.");
    }

    public void RequiredText(string field, string? value, int maxLength)
    {
        Required(field, value);
        MaxLength(field, value, maxLength);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
