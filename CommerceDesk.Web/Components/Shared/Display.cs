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

    /// <summary>Where an opportunity came from, in the words of the opportunities grid, its filter and its CSV download.</summary>
    public static string OpportunitySource(Opportunities.OpportunitySource source) => source switch
    {
        Opportunities.OpportunitySource.Manual => "By hand",
        _ => source.ToString(),
    };

    public static string CommercialState(Domain.Orders.CommercialState state) => state switch
    {
        Domain.Orders.CommercialState.QuotationSent => "Quotation sent",
        Domain.Orders.CommercialState.SalesOrder => "Sales order",
        _ => state.ToString(),
    };

    /// <summary>Where a record stands with the CRM, in the words of the grids' CRM sync column and the CSV downloads.</summary>
    public static string CrmSync(Domain.Crm.CrmSyncStatus status) => status switch
    {
        Domain.Crm.CrmSyncStatus.Synced => "Synced with CRM",
        Domain.Crm.CrmSyncStatus.Pending => "Waiting to be synced with CRM",
        Domain.Crm.CrmSyncStatus.Failed => "CRM sync failed",
        _ => "Not synced with CRM",
    };

    /// <summary>A UTC instant as ISO 8601 with its zone, e.g. 2026-11-30T10:15:00Z, for files other programs read.</summary>
    public static string IsoUtc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
