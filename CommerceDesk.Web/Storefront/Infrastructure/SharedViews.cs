using System.ComponentModel;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>A product line as storefronts send it, in carts and orders alike.</summary>
public sealed class LineRequest
{
    [Description("The product's SKU.")] public string? Sku { get; init; }
    [Description("The product name shown to the customer.")] public string? Name { get; init; }
    [Description("At least 1.")] public int? Quantity { get; init; }
    [Description("Price of one unit in the record's currency; 0 or more.")] public decimal? UnitPrice { get; init; }
}

public sealed record LineView(int Position, string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal)
{
    public static LineView Of(LineItem line) => new(line.Position, line.Sku, line.Name, line.Quantity, line.UnitPrice, line.LineTotal);
}

[Description("Where the record stands with the CRM.")]
public sealed record CrmSyncView(CrmSyncStatus Status, string? ExternalId)
{
    public static CrmSyncView Of(CrmSyncState state) => new(state.Status, state.ExternalId);
}

[Description("The back-office workflow: its name, the current step and the transitions a manager can fire now.")]
public sealed record WorkflowView(string Name, string Step, IReadOnlyList<string> AvailableTransitions);

internal static class LineValidation
{
    /// <summary>Checks each line as the domain will, but reports every bad field at once with its path.</summary>
    public static List<LineInput> Validate(FieldErrors errors, string field, IReadOnlyList<LineRequest?>? lines, int maxLines, bool atLeastOne)
    {
        var inputs = new List<LineInput>();
        if (lines is null)
        {
            errors.Add(field, "This field is required.");
            return inputs;
        }
        if (atLeastOne && lines.Count == 0) errors.Add(field, "At least one line is required.");
        if (lines.Count > maxLines)
        {
            errors.Add(field, $"At most {maxLines} lines are allowed.");
            return inputs;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var path = $"{field}[{i}]";
            if (lines[i] is not { } line)
            {
                errors.Add(path, "A line must be an object.");
                continue;
            }
            errors.RequiredText($"{path}.sku", line.Sku, LineItem.SkuMaxLength);
            errors.RequiredText($"{path}.name", line.Name, LineItem.NameMaxLength);
            if (line.Quantity is null) errors.Add($"{path}.quantity", "This field is required.");
            else if (line.Quantity is <= 0 or > LineItem.MaxQuantity)
                errors.Add($"{path}.quantity", $"Must be between 1 and {LineItem.MaxQuantity}.");
            if (line.UnitPrice is null) errors.Add($"{path}.unitPrice", "This field is required.");
            else if (line.UnitPrice < 0) errors.Add($"{path}.unitPrice", "Must not be negative.");
            inputs.Add(new LineInput(line.Sku ?? "", line.Name ?? "", line.Quantity ?? 0, line.UnitPrice ?? 0));
        }
        return inputs;
    }
}

internal static class CommonValidation
{
    public static void ExternalId(FieldErrors errors, string field, string? value, bool required)
    {
        if (required) errors.Required(field, value);
        errors.MaxLength(field, value, StorefrontRecord.ExternalIdMaxLength);
    }

    public static void Email(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Trim().Length > Domain.Customers.Customer.EmailMaxLength)
            errors.Add(field, $"Must be at most {Domain.Customers.Customer.EmailMaxLength} characters.");
        else if (!EmailAddress.IsValid(value.Trim())) errors.Add(field, "Not a valid e-mail address.");
    }

    public static void Currency(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "This field is required.");
        else if (!Domain.Common.Currency.IsKnown(value.Trim().ToUpperInvariant()))
            errors.Add(field, $"'{value}' is not a supported ISO 4217 currency code.");
    }
}
