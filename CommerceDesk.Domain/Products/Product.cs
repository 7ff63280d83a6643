using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Products;

public sealed class Product : Entity
{
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 250;

    private Product() { }

    public Product(string sku, string name, Money price, int onHand)
    {
        Sku = Guard.Required(sku, "SKU", SkuMaxLength);
        Name = Guard.Required(name, "Product name", NameMaxLength);
        ChangePrice(price);
        if (onHand < 0) throw new DomainException("Stock on hand cannot be negative.");
        OnHand = onHand;
    }

    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Money Price { get; private set; } = null!;
    public int OnHand { get; private set; }
    public int Reserved { get; private set; }

    public int Available => OnHand - Reserved;

    public void ChangePrice(Money price)
    {
        if (price.Amount < 0) throw new DomainException("A price cannot be negative.");
        if (price.Amount > AmountLimits.MaxUnitPrice)
            throw new DomainException($"A price may be at most {AmountLimits.Format(AmountLimits.MaxUnitPrice)}.");
        Price = price;
    }

    public void Reserve(int quantity)
    {
        if (quantity <= 0) throw new DomainException("Reserve a positive quantity.");
        if (quantity > Available)
            throw new DomainException($"Only {Available} of {Sku} are available; {quantity} were requested.");
        Reserved += quantity;
    }

    public void Release(int quantity)
    {
        if (quantity <= 0 || quantity > Reserved)
            throw new DomainException($"Cannot release {quantity} of {Sku}: {Reserved} are reserved.");
        Reserved -= quantity;
    }
}
