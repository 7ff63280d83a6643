namespace CommerceDesk.Domain.Common;

/// <summary>A product line as storefronts send it, for carts and orders alike.</summary>
public sealed record LineInput(string Sku, string Name, int Quantity, decimal UnitPrice);

/// <summary>What cart items and order lines share: a product, a quantity and a unit price, all validated.</summary>
public abstract class LineItem
{
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 250;

    protected LineItem() { }

    protected LineItem(LineInput input, int position)
    {
        Sku = Guard.Required(input.Sku, $"Line {position}: SKU", SkuMaxLength);
        Name = Guard.Required(input.Name, $"Line {position}: name", NameMaxLength);
        if (input.Quantity is <= 0 or > AmountLimits.MaxQuantity)
            throw new DomainException($"Line {position}: quantity must be between 1 and {AmountLimits.Format(AmountLimits.MaxQuantity)}.");
        if (input.UnitPrice is < 0 or > AmountLimits.MaxUnitPrice)
            throw new DomainException($"Line {position}: unit price must be between 0 and {AmountLimits.Format(AmountLimits.MaxUnitPrice)}.");
        if (!AmountLimits.HasStoredPrecision(input.UnitPrice))
            throw new DomainException($"Line {position}: unit price may have at most {AmountLimits.MaxDecimals} decimals.");
        if (input.UnitPrice * input.Quantity > AmountLimits.MaxTotal)
            throw new DomainException($"Line {position}: the line total may be at most {AmountLimits.Format(AmountLimits.MaxTotal)}.");
        Quantity = input.Quantity;
        UnitPrice = input.UnitPrice;
        Position = position;
    }

    public long Id { get; private set; }
    public int Position { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }

    public decimal LineTotal => UnitPrice * Quantity;

    /// <summary>The record's subtotal; refused above <see cref="AmountLimits.MaxTotal"/> so sums over records stay in range.</summary>
    internal static Money Total(IEnumerable<LineItem> lines, string currency)
    {
        var total = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + new Money(line.LineTotal, currency));
        return total.Amount <= AmountLimits.MaxTotal
            ? total
            : throw new DomainException($"The lines add up to more than {AmountLimits.Format(AmountLimits.MaxTotal)} {total.Currency}.");
    }
}
