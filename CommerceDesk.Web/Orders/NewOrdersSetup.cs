using CommerceDesk.Data.Events;
using CommerceDesk.Web.Store;

namespace CommerceDesk.Web.Orders;

public static class NewOrdersSetup
{
    /// <summary>The live new-orders badge: its state in the store, and the feed that hears orders placed anywhere in the app.</summary>
    public static IServiceCollection AddNewOrders(this IServiceCollection services)
    {
        services.AddStore(store => store
            .AddFeature("NewOrders", NewOrdersState.Initial)
            .AddReducer<NewOrdersCountLoaded>(NewOrdersReducers.CountLoaded)
            .AddEffect<LoadNewOrdersCount, LoadNewOrdersCountEffect>()
            .AddEffect<NewOrdersPlaced, AnnounceNewOrdersEffect>());
        services.AddSingleton<NewOrdersNotifier>();
        services.AddSingleton<ICommittedEventNotifier>(sp => sp.GetRequiredService<NewOrdersNotifier>());
        services.AddScoped<NewOrdersFeed>();
        // Chips, counters, the dashboard and the badge's list name and colour statuses as the admin set them.
        services.AddScoped<Statuses.OrderStatusCatalog>();
        return services;
    }
}
