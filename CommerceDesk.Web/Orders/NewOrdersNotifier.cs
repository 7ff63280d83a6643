using System.Collections.Immutable;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Store;

namespace CommerceDesk.Web.Orders;

/// <summary>
/// App-wide: hears <see cref="OrderPlaced"/> after each committed save and tells every open circuit, so the
/// top bar's badge counts a new order without a reload. Circuits subscribe through <see cref="NewOrdersFeed"/>.
/// </summary>
public sealed class NewOrdersNotifier(ILogger<NewOrdersNotifier> logger) : ICommittedEventNotifier
{
    private readonly Lock _gate = new();
    private ImmutableList<Action<IReadOnlyList<PlacedOrder>>> _handlers = [];

    public IDisposable Subscribe(Action<IReadOnlyList<PlacedOrder>> onPlaced)
    {
        lock (_gate) _handlers = _handlers.Add(onPlaced);
        return new Subscription(this, onPlaced);
    }

    public Task NotifyAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var placed = events.OfType<OrderPlaced>()
            .Where(e => e.Order.Status == OrderStatuses.Incoming)
            .Select(e => new PlacedOrder(e.Order.Id, e.Order.Number))
            .ToList();
        if (placed.Count == 0) return Task.CompletedTask;

        foreach (var handler in _handlers)
        {
            // One broken circuit must not fail the storefront's save or starve the others.
            try { handler(placed); }
            catch (Exception ex) { logger.LogWarning(ex, "A new-orders subscriber failed"); }
        }
        return Task.CompletedTask;
    }

    private void Unsubscribe(Action<IReadOnlyList<PlacedOrder>> onPlaced)
    {
        lock (_gate) _handlers = _handlers.Remove(onPlaced);
    }

    private sealed class Subscription(NewOrdersNotifier owner, Action<IReadOnlyList<PlacedOrder>> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}

/// <summary>Per circuit: loads the badge's count once and turns the notifier's news into store actions.</summary>
public sealed class NewOrdersFeed(NewOrdersNotifier notifier, IDispatcher dispatcher) : IDisposable
{
    private IDisposable? _subscription;

    public void Start()
    {
        if (_subscription is not null) return;
        _subscription = notifier.Subscribe(orders => dispatcher.Dispatch(new NewOrdersPlaced(orders)));
        dispatcher.Dispatch(new LoadNewOrdersCount());
    }

    public void Dispose() => _subscription?.Dispose();
}
