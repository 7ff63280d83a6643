using Microsoft.AspNetCore.Components;

namespace CommerceDesk.Web.Settings;

public sealed record SettingsLink(string Title, string Description, string Href, string Icon);

/// <summary>
/// The sections the settings hub links to. Each feature's settings page is listed here once; the hub shows
/// only those whose page exists in this build, so a section never links to nothing.
/// </summary>
public static class SettingsCatalog
{
    public static readonly IReadOnlyList<SettingsLink> Known =
    [
        new("Users", "Who signs in: create users, reset passwords, change roles, disable, sign out everywhere.", "/settings/users", MudBlazor.Icons.Material.Filled.ManageAccounts),
        new("Channels", "Storefronts, their API keys, abandonment delay and reminder settings.", "/settings/channels", MudBlazor.Icons.Material.Filled.Storefront),
        new("E-mail templates", "The texts of reminder, confirmation and status e-mails.", "/settings/email-templates", MudBlazor.Icons.Material.Filled.Email),
        new("E-mail delivery", "SMTP or pickup folder and the sender address.", "/settings/email", MudBlazor.Icons.Material.Filled.MarkEmailRead),
        new("Sales teams", "Who new e-commerce orders are assigned to, in turn.", "/settings/teams", MudBlazor.Icons.Material.Filled.Groups),
        new("Order lifecycle", "Order statuses, sub-statuses and their e-mail actions.", "/settings/order-statuses", MudBlazor.Icons.Material.Filled.AccountTree),
        new("Deliveries", "The steps a delivery goes through: ship only, pick → ship, or pick → pack → ship.", "/settings/fulfilment", MudBlazor.Icons.Material.Filled.LocalShipping),
        new("Carriers", "Carriers parcels leave with and their tracking links.", "/settings/carriers", MudBlazor.Icons.Material.Filled.DeliveryDining),
        new("CRM", "Opportunity sync for carts and orders, connector and stage mapping.", "/settings/crm", MudBlazor.Icons.Material.Filled.Sync),
        new("CRM sync queue", "Carts and orders waiting for the CRM or failed, with their errors; retry them.", "/crm/queue", MudBlazor.Icons.Material.Filled.CloudSync),
        new("Accounts", "Account strategy (per customer or per hierarchy), reporting currency, relating progress.", "/settings/accounts", MudBlazor.Icons.Material.Filled.Business),
        new("Exchange rates", "Rates into the reporting currency for lifetime values and the forecast.", "/settings/exchange-rates", MudBlazor.Icons.Material.Filled.CurrencyExchange),
        new("Workflows", "Cart and order workflows with their steps and transitions.", "/settings/workflows", MudBlazor.Icons.Material.Filled.Timeline),
        new("Webhook deliveries", "Status changes, shipments and refunds sent to channels' status webhooks.", "/webhooks", MudBlazor.Icons.Material.Filled.Webhook),
        new("Outbox", "E-mails waiting to be sent, sent and failed.", "/outbox", MudBlazor.Icons.Material.Filled.Outbox),
    ];

    /// <summary>Background jobs live in Hangfire's dashboard, which is not a Blazor page but always exists.</summary>
    public static readonly SettingsLink Jobs = new("Background jobs", "Reminders, sync batches, retries (Hangfire dashboard).", "/hangfire", MudBlazor.Icons.Material.Filled.Schedule);

    public static IReadOnlyList<SettingsLink> Available { get; } = Known.Where(l => RouteExists(l.Href)).ToList();

    private static bool RouteExists(string href) =>
        typeof(SettingsCatalog).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
            .Any(r => string.Equals(r.Template.TrimEnd('/'), href, StringComparison.OrdinalIgnoreCase));
}
