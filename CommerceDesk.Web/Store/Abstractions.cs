namespace CommerceDesk.Web.Store;

// The shape of Fluxor (DESIGN §2): no Fluxor package can be restored here, so these names match its
// API and a later swap is mechanical. Feature states are immutable records, actions are records,
// reducers are pure static functions, effects do the async work and dispatch further actions. Each
// feature registers its state, reducers and effects in its own setup (services.AddStore(store => …)).

/// <summary>Sends an action through every reducer, then to every effect that handles it.</summary>
public interface IDispatcher
{
    void Dispatch(object action);
}

/// <summary>The current value of one feature's state, with a notification when it changes.</summary>
public interface IState<out TState>
{
    TState Value { get; }

    event EventHandler? StateChanged;
}

/// <summary>Async work triggered by one kind of action (loading data, showing a snackbar).</summary>
public abstract class Effect<TAction>
{
    public abstract Task HandleAsync(TAction action, IDispatcher dispatcher);
}
