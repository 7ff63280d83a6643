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
