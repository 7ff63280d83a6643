using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Products;
using CommerceDesk.Web.Storefront.Infrastructure;
using CommerceDesk.Web.Storefront.Validation;

namespace CommerceDesk.Web.Storefront.Products;

[Description("A product of the storefront's catalogue, named by its SKU in the URL.")]
public sealed class ProductRequest
{
    [Required, Description("The product name shown to staff and customers.")]
    public string? Name { get; init; }
    [Required, Description("Price of one unit in the channel's currency: from 0 to 100,000,000, with at most 4 decimals.")]
    public decimal? Price { get; init; }
    [Required, Description("Units in stock as the storefront counts them, 0 to 1,000,000. Reserved quantities are CommerceDesk's own.")]
    public int? OnHand { get; init; }
    [Required, Description("The storefront's time of this version; older or equal versions are acknowledged and ignored. " +
                           "At most a day ahead of the server's clock.")]
    public DateTimeOffset? UpdatedAt { get; init; }

    internal FieldErrors Validate(string sku, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.RequiredText("sku", sku, Product.SkuMaxLength);
        CommonValidation.ControlCharacters(errors, "sku", sku);
        errors.RequiredText("name", Name, Product.NameMaxLength);
        CommonValidation.ControlCharacters(errors, "name", Name);
        if (Price is not { } price) errors.Add("price", "This field is required.");
        else if (price < 0) errors.Add("price", "Must not be negative.");
        else if (price > AmountLimits.MaxUnitPrice) errors.Add("price", $"Must be at most {AmountLimits.Format(AmountLimits.MaxUnitPrice)}.");
        else if (!AmountLimits.HasStoredPrecision(price))
            errors.Add("price", $"Must have at most {AmountLimits.MaxDecimals} decimals; round it in the storefront.");
        if (OnHand is not { } onHand) errors.Add("onHand", "This field is required.");
        else if (onHand is < 0 or > Product.MaxOnHand) errors.Add("onHand", $"Must be between 0 and {AmountLimits.Format(Product.MaxOnHand)}.");
        CommonValidation.StorefrontTime(errors, "updatedAt", UpdatedAt, now);
        return errors;
    }

    internal ProductDetails ToDetails(string currency) => new(Name!.Trim(), new Money(Price!.Value, currency), OnHand!.Value);
}
