using System.ComponentModel;
using System.Text.Json.Serialization;
using CommerceDesk.Domain.Products;

namespace CommerceDesk.Web.Storefront.Products;

[Description("The stored product with its stock as CommerceDesk counts it.")]
public sealed record ProductView(
    long Id, string Sku, string Name, decimal Price, string Currency, int OnHand,
    [property: Description("Promised to confirmed orders that have not shipped yet.")] int Reserved,
    [property: Description("onHand − reserved; negative when orders were confirmed beyond the stock (oversold).")] int Available,
    [property: Description("Null for a product only seen on cart or order lines so far.")] DateTime? UpdatedAt, DateTime CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("PUT only: false when the push was not newer than the stored version and so was ignored.")]
    public bool? Applied { get; init; }

    public static ProductView Of(Product p, bool? applied = null) =>
        new(p.Id, p.Sku, p.Name, p.Price.Amount, p.Price.Currency, p.OnHand, p.Reserved, p.Available, p.SourceUpdatedAt, p.CreatedAt)
        { Applied = applied };
}
