using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Notifications;
using CommerceDesk.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders;

/// <summary>
/// Per circuit: counts the Incoming orders and reads the newest few. A burst of news (the API takes thousands of
/// orders a second) coalesces into one load running and at most one more after it, which sees everything before it.
/// </summary>
public sealed class LoadNewOrdersCountEffect(IDbContextFactory<CommerceDbContext> factory) : Effect<LoadNewOrdersCount>
{
    public const int NewestShown = 8;

    private readonly Lock _gate = new();
    private bool _running, _again;

    public override async Task HandleAsync(LoadNewOrdersCount action, IDispatcher dispatcher)
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
        }
        try
        {
            while (true)
            {
                lock (_gate) _again = false;
                dispatcher.Dispatch(await LoadAsync());
                lock (_gate)
                {
                    if (!_again)
                    {
                        _running = false;
                        return;
                    }
                }
            }
        }
        catch
        {
            lock (_gate) _running = false;
            throw;
        }
    }

    private async Task<NewOrdersCountLoaded> LoadAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var count = await Dashboard.DashboardFigures.NewOrdersAsync(db); // the badge and the dashboard show the same figure
        var newest = await db.Orders.AsNoTracking().Where(o => o.Status == OrderStatuses.Incoming)
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).Take(NewestShown)
            .Select(o => new
            {
                o.Id, o.Number, o.Email, o.PlacedAt, o.Subtotal.Amount, o.Subtotal.Currency,
                Customer = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => new { c.FirstName, c.LastName }).FirstOrDefault(),
            })
            .ToListAsync();
        return new NewOrdersCountLoaded(count, newest.Select(o => new NewOrderItem(o.Id, o.Number,
            Grids.PersonName.Of(o.Customer?.FirstName, o.Customer?.LastName, o.Email), o.PlacedAt, o.Amount, o.Currency)).ToList());
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
