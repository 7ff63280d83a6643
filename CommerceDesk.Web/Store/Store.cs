using System.Collections.Concurrent;
using CommerceDesk.Web.Notifications;

namespace CommerceDesk.Web.Store;

/// <summary>
/// One store per circuit (a scoped service): the features' current states, the reducers that compute the
/// next ones, and the effects. Dispatch may come from any thread (the new-orders feed runs on the thread
/// that saved the order), so states change under a lock and subscribers marshal to their renderer.
/// </summary>
public sealed class Store(IServiceProvider services, StoreRegistry registry, ILogger<Store> logger) : IDispatcher
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Type, IFeatureSlot> _slots = new();

    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var changed = new List<IFeatureSlot>();
        lock (_gate)
        {
            foreach (var stateType in registry.StateTypes)
            {
                var slot = Slot(stateType);
                if (slot.Apply(action)) changed.Add(slot);
            }
        }
        foreach (var slot in changed) slot.NotifyChanged();
        foreach (var effect in registry.EffectsFor(action.GetType()))
            _ = RunEffectAsync(effect, action);
    }

    internal FeatureSlot<TState> Slot<TState>() => (FeatureSlot<TState>)Slot(typeof(TState));

    private IFeatureSlot Slot(Type stateType) =>
        _slots.GetOrAdd(stateType, registry.CreateSlot);

    private async Task RunEffectAsync(Func<IServiceProvider, object, IDispatcher, Task> effect, object action)
    {
        try
        {
            await effect(services, action, this);
        }
        catch (Exception ex)
        {
            // An effect that fails must not take the circuit down; the manager sees a notification instead.
            logger.LogError(ex, "Effect for {Action} failed", action.GetType().Name);
            if (action is not Notify)
                Dispatch(new Notify(Notification.Error("Something went wrong while updating the page. Reload to try again.")));
        }
    }
}

/// <summary>The state of one feature as components see it.</summary>
internal sealed class State<TState>(Store store) : IState<TState>
{
    private readonly FeatureSlot<TState> _slot = store.Slot<TState>();

    public TState Value => _slot.Value;

    public event EventHandler? StateChanged
    {
        add => _slot.StateChanged += value;
        remove => _slot.StateChanged -= value;
    }
}

internal interface IFeatureSlot
{
    bool Apply(object action);

    void NotifyChanged();
}

internal sealed class FeatureSlot<TState>(TState initial, IReadOnlyList<(Type Action, Func<TState, object, TState> Reduce)> reducers) : IFeatureSlot
{
    public TState Value { get; private set; } = initial;

    public event EventHandler? StateChanged;

    public bool Apply(object action)
    {
        var before = Value;
        var next = before;
        foreach (var (handled, reduce) in reducers)
            if (handled.IsInstanceOfType(action)) next = reduce(next, action);
        if (EqualityComparer<TState>.Default.Equals(before, next)) return false;
        Value = next;
        return true;
    }

    public void NotifyChanged() => StateChanged?.Invoke(this, EventArgs.Empty);
}
