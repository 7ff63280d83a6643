using System.ComponentModel;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>A product line as storefronts send it, in carts and orders alike.</summary>
public sealed class LineRequest
{
    [Description("The product's SKU.")] public string? Sku { get; init; }
    [Description("The product name shown to the customer.")] public string? Name { get; init; }
    [Description("From 1 to 1,000,000.")] public int? Quantity { get; init; }
    [Description("Price of one unit in the record's currency: from 0 to 100,000,000, with at most 4 decimals (more are " +
                 "refused, not rounded). quantity × unitPrice may be at most 900,000,000.")]
    public decimal? UnitPrice { get; init; }
}
