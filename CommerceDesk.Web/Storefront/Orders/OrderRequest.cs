using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Storefront.Infrastructure;
using CommerceDesk.Web.Storefront.Validation;

namespace CommerceDesk.Web.Storefront.Orders;

[Description("How the customer pays: a storefront code and whether payment is confirmed online.")]
public sealed class PaymentMethodRequest
{
    [Required, Description("The storefront's payment method code, e.g. card or bank-transfer.")]
    public string? Code { get; init; }
    [Required, Description("online or offline; offline payments wait for a manager's confirmation.")]
    public PaymentKind? Kind { get; init; }
}

[Description("An order as the storefront knows it.")]
public sealed class OrderRequest
{
    [Required] public string? Number { get; init; }
    [Description("The cart the order was placed from; that cart is marked purchased, now or when it arrives.")]
    public string? CartExternalId { get; init; }
    [Description("The ordering customer; it may be pushed later and is linked when it arrives.")]
    public string? CustomerExternalId { get; init; }
    public string? Email { get; init; }
    [Required, Description("ISO 4217 code, e.g. EUR.")]
    public string? Currency { get; init; }
    [Required, Description("At least one line, at most 500, adding up to at most 900,000,000.")]
    public List<LineRequest?>? Lines { get; init; }
    [Required] public PaymentMethodRequest? PaymentMethod { get; init; }
    [Required, Description("pending, paid or failed.")]
    public PaymentStatus? PaymentStatus { get; init; }
    [Required, Description("When the customer placed the order; at most a day ahead of the server's clock.")]
    public DateTimeOffset? PlacedAt { get; init; }
    [Required, Description("The storefront's time of this version; older or equal versions are acknowledged and ignored. " +
                           "At most a day ahead of the server's clock.")]
    public DateTimeOffset? UpdatedAt { get; init; }

    internal (FieldErrors Errors, OrderSnapshot? Snapshot) Validate(string externalId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        CommonValidation.ExternalId(errors, "externalId", externalId, required: true);
        errors.RequiredText("number", Number, Order.NumberMaxLength);
        CommonValidation.ControlCharacters(errors, "number", Number);
        CommonValidation.ExternalId(errors, "cartExternalId", CartExternalId, required: false);
        CommonValidation.ExternalId(errors, "customerExternalId", CustomerExternalId, required: false);
        CommonValidation.Email(errors, "email", Email);
        CommonValidation.Currency(errors, "currency", Currency);
        var lines = LineValidation.Validate(errors, "lines", Lines, Order.MaxLines, atLeastOne: true, Currency);
        if (PaymentMethod is null) errors.Add("paymentMethod", "This field is required.");
        else
        {
            errors.RequiredText("paymentMethod.code", PaymentMethod.Code, Domain.Orders.PaymentMethod.CodeMaxLength);
            CommonValidation.ControlCharacters(errors, "paymentMethod.code", PaymentMethod.Code);
            errors.Required("paymentMethod.kind", PaymentMethod.Kind);
        }
        errors.Required("paymentStatus", PaymentStatus);
        CommonValidation.StorefrontTime(errors, "placedAt", PlacedAt, now);
        CommonValidation.StorefrontTime(errors, "updatedAt", UpdatedAt, now);
        if (errors.Any) return (errors, null);

        return (errors, new OrderSnapshot(
            Number!.Trim(), Blank(CartExternalId), Blank(CustomerExternalId), Email?.Trim(), Currency!, lines,
            new PaymentMethod(PaymentMethod!.Code!, PaymentMethod.Kind!.Value), PaymentStatus!.Value, PlacedAt!.Value.UtcDateTime));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
