using CommerceDesk.Data;
using CommerceDesk.Web.Notifications;
using CommerceDesk.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders;

public sealed class LoadNewOrdersCountEffect(IDbContextFactory<CommerceDbContext> factory) : Effect<LoadNewOrdersCount>
{
    public override async Task HandleAsync(LoadNewOrdersCount action, IDispatcher dispatcher)
    {
        await using var db = await factory.CreateDbContextAsync();
        var count = await Dashboard.DashboardFigures.NewOrdersAsync(db); // the badge and the dashboard show the same figure
        dispatcher.Dispatch(new NewOrdersCountLoaded(count));
    }
}

/// <summary>Tells the manager which order arrived, with a link to it.</summary>
public sealed class AnnounceNewOrdersEffect : Effect<NewOrdersPlaced>
{
    public override Task HandleAsync(NewOrdersPlaced action, IDispatcher dispatcher)
    {
        var notification = action.Orders switch
        {
            [var single] => Notification.Info($"New order {single.Number}", $"/orders/{single.Id}"),
            { Count: > 1 } many => Notification.Info($"{many.Count} new orders", "/orders?status=Incoming"),
            _ => null,
        };
        if (notification is not null) dispatcher.Dispatch(new Notify(notification));
        return Task.CompletedTask;
    }
}
