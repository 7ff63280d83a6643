using System.Collections.Concurrent;
using CommerceDesk.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Data.Events;

/// <summary>Runs the registered <see cref="IDomainEventHandler{TEvent}"/>s of one event, one after another.</summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CommerceDbContext, CancellationToken, Task>> Dispatchers = new();

    public Task DispatchAsync(IDomainEvent domainEvent, CommerceDbContext db, CancellationToken cancellationToken) =>
        Dispatchers.GetOrAdd(domainEvent.GetType(), Build)(services, domainEvent, db, cancellationToken);

    /// <summary>The events are records of many types; one typed call per type, built once.</summary>
    private static Func<IServiceProvider, IDomainEvent, CommerceDbContext, CancellationToken, Task> Build(Type eventType) =>
        typeof(DomainEventDispatcher).GetMethod(nameof(DispatchTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate<Func<IServiceProvider, IDomainEvent, CommerceDbContext, CancellationToken, Task>>();

    private static async Task DispatchTypedAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CommerceDbContext db, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
            await handler.HandleAsync((TEvent)domainEvent, db, cancellationToken);
    }
}
