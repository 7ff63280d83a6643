namespace CommerceDesk.Web.Store;

/// <summary>Every feature, reducer and effect the app's setups registered, shared by all circuits.</summary>
public sealed class StoreRegistry
{
    private readonly Dictionary<Type, IFeatureRegistration> _features = [];
    private readonly List<(Type Action, Func<IServiceProvider, object, IDispatcher, Task> Run)> _effects = [];

    internal IReadOnlyCollection<Type> StateTypes => _features.Keys;

    internal void AddFeature<TState>(string name, TState initial)
    {
        if (!_features.TryAdd(typeof(TState), new FeatureRegistration<TState>(name, initial)))
            throw new InvalidOperationException($"The store already has a feature holding {typeof(TState).Name}; each state type is one feature.");
    }

    internal void AddReducer<TState, TAction>(Func<TState, TAction, TState> reduce) =>
        ((FeatureRegistration<TState>)_features[typeof(TState)]).Reducers.Add((typeof(TAction), (state, action) => reduce(state, (TAction)action)));

    internal void AddEffect<TAction>(Func<IServiceProvider, TAction, IDispatcher, Task> run) =>
        _effects.Add((typeof(TAction), (provider, action, dispatcher) => run(provider, (TAction)action, dispatcher)));

    internal IFeatureSlot CreateSlot(Type stateType) =>
        _features.TryGetValue(stateType, out var feature)
            ? feature.CreateSlot()
            : throw new InvalidOperationException($"No store feature holds {stateType.Name}: add it in its feature's setup with services.AddStore(store => store.AddFeature(…)).");

    /// <summary>The effects that handle <paramref name="actionType"/> (or a type it derives from), each as work to run.</summary>
    internal IEnumerable<Func<IServiceProvider, object, IDispatcher, Task>> EffectsFor(Type actionType) =>
        _effects.Where(e => e.Action.IsAssignableFrom(actionType)).Select(e => e.Run);

    private interface IFeatureRegistration
    {
        IFeatureSlot CreateSlot();
    }

    private sealed record FeatureRegistration<TState>(string Name, TState Initial) : IFeatureRegistration
    {
        public List<(Type Action, Func<TState, object, TState> Reduce)> Reducers { get; } = [];

        public IFeatureSlot CreateSlot() => new FeatureSlot<TState>(Initial, Reducers);
    }
}
