namespace CommerceDesk.Domain.Common;

/// <summary>A product line as storefronts send it, for carts and orders alike.</summary>
public sealed record LineInput(string Sku, string Name, int Quantity, decimal UnitPrice);

/// <summary>What cart items and order lines share: a product, a quantity and a unit price, all validated.</summary>
public abstract class LineItem
{
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 250;
    public const int MaxQuantity = 100_000;

    protected LineItem() { }

    protected LineItem(LineInput input, int position)
    {
        Sku = Guard.Required(input.Sku, $"Line {position}: SKU", SkuMaxLength);
        Name = Guard.Required(input.Name, $"Line {position}: name", NameMaxLength);
        if (input.Quantity is <= 0 or > MaxQuantity)
            throw new DomainException($"Line {position}: quantity must be between 1 and {MaxQuantity}.");
        if (input.UnitPrice < 0)
            throw new DomainException($"Line {position}: unit price cannot be negative.");
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

    internal static Money Total(IEnumerable<LineItem> lines, string currency) =>
        lines.Aggregate(Money.Zero(currency), (sum, line) => sum + new Money(line.LineTotal, currency));
}
