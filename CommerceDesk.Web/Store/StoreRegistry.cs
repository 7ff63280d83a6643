using System.Reflection;

namespace CommerceDesk.Web.Store;

/// <summary>The features, reducers and effects found in the app's assembly, discovered once at start-up.</summary>
public sealed class StoreRegistry
{
    private readonly Dictionary<Type, Type> _features = [];
    private readonly Dictionary<Type, List<Type>> _reducersByState = [];
    private readonly Dictionary<Type, List<Type>> _effectsByAction = [];

    public StoreRegistry(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }))
        {
            if (BaseOf(type, typeof(Feature<>)) is { } feature)
                _features[feature.GetGenericArguments()[0]] = type;
            if (BaseOf(type, typeof(Reducer<,>)) is { } reducer)
                Add(_reducersByState, reducer.GetGenericArguments()[0], type);
            if (BaseOf(type, typeof(Effect<>)) is { } effect)
                Add(_effectsByAction, effect.GetGenericArguments()[0], type);
        }
    }

    public IReadOnlyCollection<Type> StateTypes => _features.Keys;

    public IEnumerable<Type> EffectTypes => _effectsByAction.Values.SelectMany(e => e);

    internal IFeatureSlot CreateSlot(Type stateType, IServiceProvider services)
    {
        var feature = Activator.CreateInstance(_features[stateType])!;
        var initial = feature.GetType().GetMethod(nameof(Feature<object>.GetInitialState))!.Invoke(feature, null);
        var reducers = _reducersByState.GetValueOrDefault(stateType, [])
            .Select(r => Activator.CreateInstance(typeof(ReducerInvoker<,>).MakeGenericType(stateType, BaseOf(r, typeof(Reducer<,>))!.GetGenericArguments()[1]),
                Activator.CreateInstance(r)))
            .ToList();
        var listType = typeof(IReducerInvoker<>).MakeGenericType(stateType);
        var typedList = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(listType))!;
        foreach (var r in reducers) typedList.Add(r);
        return (IFeatureSlot)Activator.CreateInstance(typeof(FeatureSlot<>).MakeGenericType(stateType), initial, typedList)!;
    }

    internal IEnumerable<IEffectInvoker> EffectsFor(Type actionType, IServiceProvider services)
    {
        foreach (var (handled, effects) in _effectsByAction)
        {
            if (!handled.IsAssignableFrom(actionType)) continue;
            foreach (var effectType in effects)
                yield return (IEffectInvoker)Activator.CreateInstance(typeof(EffectInvoker<>).MakeGenericType(handled), services.GetRequiredService(effectType))!;
        }
    }

    private static Type? BaseOf(Type type, Type openGeneric)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openGeneric) return t;
        return null;
    }

    private static void Add(Dictionary<Type, List<Type>> map, Type key, Type value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}

internal interface IReducerInvoker<TState>
{
    bool Handles(object action);

    TState Reduce(TState state, object action);
}

internal sealed class ReducerInvoker<TState, TAction>(Reducer<TState, TAction> reducer) : IReducerInvoker<TState>
{
    public bool Handles(object action) => action is TAction;

    public TState Reduce(TState state, object action) => reducer.Reduce(state, (TAction)action);
}

internal interface IEffectInvoker
{
    Task InvokeAsync(object action, IDispatcher dispatcher);
}

internal sealed class EffectInvoker<TAction>(Effect<TAction> effect) : IEffectInvoker
{
    public Task InvokeAsync(object action, IDispatcher dispatcher) => effect.HandleAsync((TAction)action, dispatcher);
}

public static class StoreSetup
{
    /// <summary>Registers the store per circuit (scoped) with every feature, reducer and effect of the app.</summary>
    public static IServiceCollection AddStore(this IServiceCollection services)
    {
        var registry = new StoreRegistry(typeof(StoreRegistry).Assembly);
        services.AddSingleton(registry);
        services.AddScoped<Store>();
        services.AddScoped<IDispatcher>(sp => sp.GetRequiredService<Store>());
        services.AddScoped(typeof(IState<>), typeof(State<>));
        foreach (var effect in registry.EffectTypes) services.AddScoped(effect);
        return services;
    }
}
