using System.Globalization;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Components.Shared;

/// <summary>
/// How amounts and days read on every page, in one culture-neutral format. Times on screen go through
/// &lt;LocalTime&gt; (the manager's zone).
/// </summary>
public static class Display
{
    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString("N" + Currency.DigitsOf(currency), CultureInfo.InvariantCulture)} {currency}";

    public static string Money(Domain.Common.Money money) => Money(money.Amount, money.Currency);

    /// <summary>A calendar day already in the manager's zone (e.g. the dashboard's Monday).</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
