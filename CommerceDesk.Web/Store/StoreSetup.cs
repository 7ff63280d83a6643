using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceDesk.Web.Store;

public static class StoreSetup
{
    /// <summary>
    /// Registers the store per circuit (scoped) and the features <paramref name="configure"/> adds. Each feature's
    /// setup calls this with its own state, reducers and effects; the store is registered once and holds them all.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, Action<StoreBuilder> configure)
    {
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(StoreRegistry))?.ImplementationInstance as StoreRegistry;
        if (registry is null)
        {
            registry = new StoreRegistry();
            services.AddSingleton(registry);
            services.TryAddScoped<Store>();
            services.TryAddScoped<IDispatcher>(sp => sp.GetRequiredService<Store>());
            services.TryAdd(ServiceDescriptor.Scoped(typeof(IState<>), typeof(State<>)));
        }
        configure(new StoreBuilder(registry, services));
        return services;
    }
}

/// <summary>What a feature's setup adds to the store.</summary>
public sealed class StoreBuilder(StoreRegistry registry, IServiceCollection services)
{
    /// <summary>A slice of UI state: its name (for diagnostics, as Fluxor's feature name) and the state each circuit starts from.</summary>
    public FeatureBuilder<TState> AddFeature<TState>(string name, TState initial)
    {
        registry.AddFeature(name, initial);
        return new FeatureBuilder<TState>(this, registry);
    }

    /// <summary>Async work on one kind of action; the effect is resolved per circuit, so it may take scoped services.</summary>
    public StoreBuilder AddEffect<TAction, TEffect>() where TEffect : Effect<TAction>
    {
        services.TryAddScoped<TEffect>();
        registry.AddEffect<TAction>((provider, action, dispatcher) => provider.GetRequiredService<TEffect>().HandleAsync(action, dispatcher));
        return this;
    }
}

/// <summary>The reducers and effects of one feature, added where its state is.</summary>
public sealed class FeatureBuilder<TState>(StoreBuilder store, StoreRegistry registry)
{
    /// <summary>A pure function from the state and one kind of action to the next state.</summary>
    public FeatureBuilder<TState> AddReducer<TAction>(Func<TState, TAction, TState> reduce)
    {
        registry.AddReducer(reduce);
        return this;
    }

    public FeatureBuilder<TState> AddEffect<TAction, TEffect>() where TEffect : Effect<TAction>
    {
        store.AddEffect<TAction, TEffect>();
        return this;
    }
}

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
