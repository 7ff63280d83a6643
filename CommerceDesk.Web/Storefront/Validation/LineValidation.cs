using CommerceDesk.Domain.Common;
using CommerceDesk.Web.Storefront.Infrastructure;

namespace CommerceDesk.Web.Storefront.Validation;

/// <summary>Checks the product lines of carts and orders.</summary>
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
