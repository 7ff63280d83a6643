using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Fulfilment;

namespace CommerceDesk.Domain.Products;

/// <summary>The storefront's product details: name, price and the stock count it knows.</summary>
public sealed record ProductDetails(string Name, Money Price, int OnHand);

/// <summary>
/// A product of one storefront, named by its SKU (its external id there): storefronts price in their own currency and
/// may use the same SKU for different goods, so the catalogue is per channel. Stock is counted here: on hand (in the
/// warehouse) and reserved (promised to confirmed orders not yet shipped). Oversell is allowed: a reservation beyond
/// what is available makes <see cref="Available"/> negative, which the products page shows in red.
/// </summary>
public sealed class Product : StorefrontRecord, IVersioned
{
    public const int SkuMaxLength = LineItem.SkuMaxLength;
    public const int NameMaxLength = LineItem.NameMaxLength;
    public const int MaxOnHand = AmountLimits.MaxQuantity;

    private Product() { }

    /// <summary>A product the storefront pushed.</summary>
    public Product(long channelId, string sku, ProductDetails details, DateTime updatedAt, DateTime now)
        : base(channelId, Guard.Required(sku, "SKU", SkuMaxLength), now)
    {
        Apply(details);
        Stamp(updatedAt);
    }

    private Product(long channelId, string sku, string name, Money price, DateTime now)
        : base(channelId, Guard.Required(sku, "SKU", SkuMaxLength), now)
    {
        Apply(new ProductDetails(name, price, 0));
    }

    /// <summary>
    /// A SKU first seen on a cart or order line: it becomes a product with the line's name and price and nothing on
    /// hand, until the storefront pushes the product itself (its first push always applies: nothing was pushed yet).
    /// </summary>
    public static Product FromLine(long channelId, LineItem line, string currency, DateTime now) =>
        new(channelId, line.Sku, line.Name, new Money(line.UnitPrice, currency), now);

    public string Sku => ExternalId;
    public string Name { get; private set; } = "";
    public Money Price { get; private set; } = null!;
    public int OnHand { get; private set; }
    public int Reserved { get; private set; }
    public int Version { get; private set; }

    /// <summary>What can still be promised; below zero when orders were confirmed beyond the stock (oversold).</summary>
    public int Available => OnHand - Reserved;

    public bool IsOversold => Available < 0;

    public ProductDetails Details() => new(Name, Price, OnHand);

    /// <summary>Applies a storefront push; returns false (and changes nothing) for a stale or duplicate one.</summary>
    public bool Update(ProductDetails details, DateTime updatedAt)
    {
        if (!IsNewer(updatedAt)) return false;
        Apply(details);
        Stamp(updatedAt);
        return true;
    }

    /// <summary>Books a stock movement on this copy (the database applies the same one set-based, see the stock ledger).</summary>
    public void Apply(StockMovement movement)
    {
        if (movement.Sku != Sku) throw new InvalidOperationException($"A movement of {movement.Sku} cannot be booked on {Sku}.");
        Reserved += movement.ReservedChange;
        OnHand += movement.OnHandChange;
    }

    private void Apply(ProductDetails details)
    {
        Name = Guard.Required(details.Name, "Product name", NameMaxLength);
        if (details.Price.Amount < 0) throw new DomainException("A price cannot be negative.");
        if (details.Price.Amount > AmountLimits.MaxUnitPrice)
            throw new DomainException($"A price may be at most {AmountLimits.Format(AmountLimits.MaxUnitPrice)}.");
        if (details.OnHand is < 0 or > MaxOnHand)
            throw new DomainException($"Stock on hand must be between 0 and {AmountLimits.Format(MaxOnHand)}.");
        Price = details.Price;
        OnHand = details.OnHand;
    }
}
