using CommerceDesk.Data.Events;
using CommerceDesk.Web.Exports;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Store;

namespace CommerceDesk.Web;

internal static class BackOfficeSetup
{
    /// <summary>The back office's pages: the UI store, the live new-orders feed.</summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddStore();
        services.AddSingleton<NewOrdersNotifier>();
        services.AddSingleton<ICommittedEventNotifier>(sp => sp.GetRequiredService<NewOrdersNotifier>());
        services.AddScoped<NewOrdersFeed>();
        return services;
    }

    public static void MapBackOffice(this WebApplication app) => app.MapGridExports();
}
