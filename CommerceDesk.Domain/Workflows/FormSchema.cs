using System.Globalization;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Workflows;

public enum FormFieldType { Text, MultilineText, Email, Phone, Integer, DateTime, Choice, Rating, Confirmation }

/// <summary>One input of a transition's form. Values travel as invariant strings so the form is pure data.</summary>
public sealed record FormField(string Name, string Label, FormFieldType Type)
{
    public bool Required { get; init; }
    public int MaxLength { get; init; } = 250;
    public int? Min { get; init; }
    public int? Max { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    public string? HelperText { get; init; }

    /// <summary>The value the dialog starts with, e.g. the cart's e-mail or "now".</summary>
    public Func<WorkflowSubject, DateTime, string?>? Prefill { get; init; }
}

/// <summary>The form of a transition: which fields, and how each is checked.</summary>
public sealed class FormSchema(IReadOnlyList<FormField> fields)
{
    public static FormSchema Empty { get; } = new([]);

    public IReadOnlyList<FormField> Fields { get; } = fields;

    public bool IsEmpty => Fields.Count == 0;

    public Dictionary<string, string?> Prefill(WorkflowSubject subject, DateTime now) =>
        Fields.ToDictionary(f => f.Name, f => f.Prefill?.Invoke(subject, now));

    /// <summary>Checks every field and returns the normalized values, or throws with every field's error at once.</summary>
    public FormData Validate(IReadOnlyDictionary<string, string?> values)
    {
        var errors = new Dictionary<string, string>();
        var clean = new Dictionary<string, string>();
        foreach (var field in Fields)
        {
            var raw = values.TryGetValue(field.Name, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(raw) || (field.Type == FormFieldType.Confirmation && raw != "true"))
            {
                if (field.Required)
                    errors[field.Name] = field.Type == FormFieldType.Confirmation ? "Please confirm." : $"{field.Label} is required.";
                continue;
            }
            if (Check(field, raw) is { } error) errors[field.Name] = error;
            else clean[field.Name] = Normalize(field, raw);
        }
        if (errors.Count > 0) throw new WorkflowFormException(errors);
        return new FormData(clean);
    }

    private static string? Check(FormField field, string value)
    {
        if (value.Length > field.MaxLength) return $"{field.Label} must be at most {field.MaxLength} characters.";
        switch (field.Type)
        {
            case FormFieldType.Email when !EmailAddress.IsValid(value):
                return $"'{value}' is not a valid e-mail address.";
            case FormFieldType.Phone when value.Count(char.IsDigit) < 3 || value.Any(c => !(char.IsDigit(c) || " +-()./".Contains(c))):
                return "Enter a phone number (digits, spaces and + - ( ) . / only).";
            case FormFieldType.Integer or FormFieldType.Rating:
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                    return $"{field.Label} must be a whole number.";
                if (number < (field.Min ?? int.MinValue) || number > (field.Max ?? int.MaxValue))
                    return $"{field.Label} must be between {field.Min} and {field.Max}.";
                return null;
            case FormFieldType.DateTime when !TryParseDate(value, out _):
                return $"{field.Label} is not a valid date and time.";
            case FormFieldType.Choice when !field.Choices.Contains(value):
                return $"{field.Label} must be one of: {string.Join(", ", field.Choices)}.";
        }
        return null;
    }

    private static string Normalize(FormField field, string value) => field.Type switch
    {
        FormFieldType.Email => value.ToLowerInvariant(),
        FormFieldType.DateTime when TryParseDate(value, out var at) => at.ToString("O", CultureInfo.InvariantCulture),
        _ => value,
    };

    internal static bool TryParseDate(string value, out DateTime at) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>How dates travel in form values: UTC, round-trip format.</summary>
    public static string FormatDate(DateTime at) => Guard.Utc(at).ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>A transition's form values after validation.</summary>
public sealed class FormData(IReadOnlyDictionary<string, string> values)
{
    public static FormData Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string? Text(string name) => Values.TryGetValue(name, out var v) ? v : null;

    public string RequiredText(string name) =>
        Text(name) ?? throw new InvalidOperationException($"Form field '{name}' is missing; the form schema should require it.");

    public int? Integer(string name) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    public DateTime? Date(string name) => Text(name) is { } v && FormSchema.TryParseDate(v, out var at) ? at : null;

    public TEnum? Choice<TEnum>(string name) where TEnum : struct, Enum =>
        Text(name) is { } v && Enum.TryParse<TEnum>(v.Replace(" ", ""), ignoreCase: true, out var e) ? e : null;

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(Values);

    public static FormData FromJson(string? json) =>
        string.IsNullOrEmpty(json)
            ? Empty
            : new(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
}

/// <summary>A transition's form was filled in wrongly; <see cref="Errors"/> has a message per field.</summary>
public sealed class WorkflowFormException(IReadOnlyDictionary<string, string> errors)
    : DomainException(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
