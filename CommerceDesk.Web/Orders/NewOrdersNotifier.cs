using System.Collections.Immutable;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Store;

namespace CommerceDesk.Web.Orders;

/// <summary>A committed save changed which orders are Incoming; <paramref name="Placed"/> are the new ones it brought.</summary>
public sealed record NewOrdersNews(IReadOnlyList<PlacedOrder> Placed);

/// <summary>
/// App-wide: hears, after each committed save, orders placed, moved in or out of Incoming (a status change, a mass
/// action) or cancelled, and tells every open circuit, so the top bar's badge follows without a reload in both
/// directions. Circuits subscribe through <see cref="NewOrdersFeed"/>, which counts again from the database rather than
/// adding and subtracting: the database also holds what other nodes did.
/// </summary>
public sealed class NewOrdersNotifier(ILogger<NewOrdersNotifier> logger) : ICommittedEventNotifier
{
    private readonly Lock _gate = new();
    private ImmutableList<Action<NewOrdersNews>> _handlers = [];

    public IDisposable Subscribe(Action<NewOrdersNews> onNews)
    {
        lock (_gate) _handlers = _handlers.Add(onNews);
        return new Subscription(this, onNews);
    }

    public Task NotifyAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        if (News(events) is not { } news) return Task.CompletedTask;
        foreach (var handler in _handlers)
        {
            // One broken circuit must not fail the storefront's save or starve the others.
            try { handler(news); }
            catch (Exception ex) { logger.LogWarning(ex, "A new-orders subscriber failed"); }
        }
        return Task.CompletedTask;
    }

    /// <summary>The badge's news in a save's events, or null when none of them touches Incoming.</summary>
    public static NewOrdersNews? News(IReadOnlyList<IDomainEvent> events)
    {
        var placed = events.OfType<OrderPlaced>()
            .Where(e => e.Order.Status == OrderStatuses.Incoming)
            .Select(e => new PlacedOrder(e.Order.Id, e.Order.Number))
            .ToList();
        // Incoming has no sub-statuses, so a change in or out of it names it as its from or to code. Cancelling by hand
        // raises no status change; it may have taken the order out of Incoming.
        var moved = events.Any(e => e is OrderStatusChanged { Change: var change }
                                    && (change.FromCode == OrderStatuses.Incoming || change.ToCode == OrderStatuses.Incoming)
                                || e is OrderCancelled);
        return placed.Count == 0 && !moved ? null : new NewOrdersNews(placed);
    }

    private void Unsubscribe(Action<NewOrdersNews> onNews)
    {
        lock (_gate) _handlers = _handlers.Remove(onNews);
    }

    private sealed class Subscription(NewOrdersNotifier owner, Action<NewOrdersNews> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}

/// <summary>
/// Per circuit: loads the badge once, then counts again whenever this node's notifier has news, and every minute for
/// what other nodes did; announces orders placed.
/// </summary>
public sealed class NewOrdersFeed(NewOrdersNotifier notifier, IDispatcher dispatcher) : IDisposable
{
    /// <summary>How soon a change made on another node reaches this circuit's badge at the latest.</summary>
    public static readonly TimeSpan OtherNodesWithin = TimeSpan.FromMinutes(1);

    private IDisposable? _subscription;
    private Timer? _timer;

    public void Start()
    {
        if (_subscription is not null) return;
        _subscription = notifier.Subscribe(news =>
        {
            if (news.Placed.Count > 0) dispatcher.Dispatch(new NewOrdersPlaced(news.Placed));
            dispatcher.Dispatch(new LoadNewOrdersCount());
        });
        dispatcher.Dispatch(new LoadNewOrdersCount());
        _timer = new Timer(_ => dispatcher.Dispatch(new LoadNewOrdersCount()), null, OtherNodesWithin, OtherNodesWithin);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _timer?.Dispose();
    }
}
