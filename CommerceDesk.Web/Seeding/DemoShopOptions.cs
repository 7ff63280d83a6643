namespace CommerceDesk.Web.Seeding;

/// <summary>Development-only demo data; never read outside Development.</summary>
public sealed class DemoShopOptions
{
    public const string Section = "DemoShop";
    public const string ChannelCode = "web";

    /// <summary>Fill the demo shop with generated customers, carts and orders.</summary>
    public bool Seed { get; set; }

    /// <summary>The plain API key of channel <c>web</c>; stored hashed.</summary>
    public string StorefrontApiKey { get; set; } = "dev-storefront-key";

    public int Customers { get; set; } = 300;
}
