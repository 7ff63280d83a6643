using CommerceDesk.Domain.Common;
using CommerceDesk.Web.Storefront.Infrastructure;

namespace CommerceDesk.Web.Storefront.Validation;

/// <summary>Checks the product lines of carts and orders.</summary>
internal static class LineValidation
{
    /// <summary>
    /// Checks each line as the domain will, but reports every bad field at once with its path, and the lines' sum
    /// against <see cref="AmountLimits.MaxTotal"/> when every line and the currency are valid.
    /// </summary>
    public static List<LineInput> Validate(
        FieldErrors errors, string field, IReadOnlyList<LineRequest?>? lines, int maxLines, bool atLeastOne, string? currency)
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

        var amountsValid = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var path = $"{field}[{i}]";
            if (lines[i] is not { } line)
            {
                errors.Add(path, "A line must be an object.");
                amountsValid = false;
                continue;
            }
            errors.RequiredText($"{path}.sku", line.Sku, LineItem.SkuMaxLength);
            CommonValidation.ControlCharacters(errors, $"{path}.sku", line.Sku);
            errors.RequiredText($"{path}.name", line.Name, LineItem.NameMaxLength);
            CommonValidation.ControlCharacters(errors, $"{path}.name", line.Name);
            var quantityValid = Quantity(errors, $"{path}.quantity", line.Quantity);
            var priceValid = UnitPrice(errors, $"{path}.unitPrice", line.UnitPrice);
            if (!quantityValid || !priceValid) amountsValid = false;
            else if (line.UnitPrice!.Value * line.Quantity!.Value > AmountLimits.MaxTotal)
            {
                errors.Add(path, $"The line total (quantity × unitPrice) must be at most {AmountLimits.Format(AmountLimits.MaxTotal)}.");
                amountsValid = false;
            }
            inputs.Add(new LineInput(line.Sku ?? "", line.Name ?? "", line.Quantity ?? 0, line.UnitPrice ?? 0));
        }

        if (amountsValid && Domain.Common.Currency.IsKnown(currency?.Trim().ToUpperInvariant()))
        {
            // Summed as the record will sum them: each line rounded to the currency's minor unit.
            var code = currency!.Trim().ToUpperInvariant();
            var total = inputs.Sum(l => new Money(l.UnitPrice * l.Quantity, code).Amount);
            if (total > AmountLimits.MaxTotal)
                errors.Add(field, $"The lines add up to {AmountLimits.Format(total)}; a record may total at most {AmountLimits.Format(AmountLimits.MaxTotal)}.");
        }
        return inputs;
    }

    private static bool Quantity(FieldErrors errors, string field, int? quantity)
    {
        if (quantity is null) errors.Add(field, "This field is required.");
        else if (quantity is <= 0 or > AmountLimits.MaxQuantity)
            errors.Add(field, $"Must be between 1 and {AmountLimits.Format(AmountLimits.MaxQuantity)}.");
        else return true;
        return false;
    }

    private static bool UnitPrice(FieldErrors errors, string field, decimal? price)
    {
        if (price is null) errors.Add(field, "This field is required.");
        else if (price < 0) errors.Add(field, "Must not be negative.");
        else if (price > AmountLimits.MaxUnitPrice) errors.Add(field, $"Must be at most {AmountLimits.Format(AmountLimits.MaxUnitPrice)}.");
        else if (!AmountLimits.HasStoredPrecision(price.Value))
            errors.Add(field, $"Must have at most {AmountLimits.MaxDecimals} decimals; round it in the storefront.");
        else return true;
        return false;
    }
}
