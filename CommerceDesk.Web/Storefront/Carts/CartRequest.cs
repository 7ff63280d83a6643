using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Web.Storefront.Infrastructure;
using CommerceDesk.Web.Storefront.Validation;

namespace CommerceDesk.Web.Storefront.Carts;

[Description("A shopping cart as the storefront knows it.")]
public sealed class CartRequest
{
    [Description("The cart's customer; it may be pushed later and is linked when it arrives.")]
    public string? CustomerExternalId { get; init; }
    [Description("Contact e-mail, e.g. of a guest.")]
    public string? Email { get; init; }
    [Required, Description("ISO 4217 code, e.g. EUR.")]
    public string? Currency { get; init; }
    [Required, Description("The cart's lines (may be empty), at most 500, adding up to at most 900,000,000.")]
    public List<LineRequest?>? Items { get; init; }
    [Description("none, shipping or payment. Default none.")]
    public CheckoutStep? CheckoutStep { get; init; }
    [Required, Description("The storefront's time of this version; older or equal versions are acknowledged and ignored. " +
                           "At most a day ahead of the server's clock.")]
    public DateTimeOffset? UpdatedAt { get; init; }

    internal (FieldErrors Errors, CartSnapshot Snapshot) Validate(string externalId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        CommonValidation.ExternalId(errors, "externalId", externalId, required: true);
        CommonValidation.ExternalId(errors, "customerExternalId", CustomerExternalId, required: false);
        CommonValidation.Email(errors, "email", Email);
        CommonValidation.Currency(errors, "currency", Currency);
        var items = LineValidation.Validate(errors, "items", Items, Cart.MaxItems, atLeastOne: false, Currency);
        CommonValidation.StorefrontTime(errors, "updatedAt", UpdatedAt, now);
        var customer = string.IsNullOrWhiteSpace(CustomerExternalId) ? null : CustomerExternalId.Trim();
        return (errors, new CartSnapshot(customer, Email?.Trim(), Currency ?? "", items, CheckoutStep ?? Domain.Carts.CheckoutStep.None));
    }
}
