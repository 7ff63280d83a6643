using System.ComponentModel;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>A product line as storefronts send it, in carts and orders alike.</summary>
public sealed class LineRequest
{
    [Description("The product's SKU.")] public string? Sku { get; init; }
    [Description("The product name shown to the customer.")] public string? Name { get; init; }
    [Description("At least 1.")] public int? Quantity { get; init; }
    [Description("Price of one unit in the record's currency; 0 or more.")] public decimal? UnitPrice { get; init; }
}
