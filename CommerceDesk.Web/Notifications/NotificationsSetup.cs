using CommerceDesk.Web.Store;

namespace CommerceDesk.Web.Notifications;

public static class NotificationsSetup
{
    /// <summary>Messages for the manager, queued in the store until the layout's host shows them as snackbars.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddStore(store => store
            .AddFeature("Notifications", NotificationsState.Initial)
            .AddReducer<Notify>(NotificationsReducers.Notify)
            .AddReducer<NotificationShown>(NotificationsReducers.Shown));
}
