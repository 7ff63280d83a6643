using System.Globalization;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Components.Shared;

/// <summary>
/// How amounts read on every page, in one culture-neutral format. Times on screen go through &lt;LocalTime&gt; (the
/// manager's zone); <see cref="Time(DateTime)"/> and <see cref="Day"/> are for text that says it is UTC.
/// </summary>
public static class Display
{
    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString("N" + Currency.DigitsOf(currency), CultureInfo.InvariantCulture)} {currency}";

    public static string Money(Domain.Common.Money money) => Money(money.Amount, money.Currency);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is { } t ? Time(t) : "—";

    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"Shipping" rather than the enum's "Shipping"; "None" reads as "Not started".</summary>
    public static string CheckoutStep(Domain.Carts.CheckoutStep step) => step switch
    {
        Domain.Carts.CheckoutStep.None => "Not started",
        Domain.Carts.CheckoutStep.Shipping => "Shipping",
        Domain.Carts.CheckoutStep.Payment => "Payment",
        _ => step.ToString(),
    };

    public static string CommercialState(Domain.Orders.CommercialState state) => state switch
    {
        Domain.Orders.CommercialState.QuotationSent => "Quotation sent",
        Domain.Orders.CommercialState.SalesOrder => "Sales order",
        _ => state.ToString(),
    };
}
