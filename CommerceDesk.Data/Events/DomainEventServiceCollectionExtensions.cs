using CommerceDesk.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Data.Events;

public static class DomainEventServiceCollectionExtensions
{
    /// <summary>Registers a stateless handler (one instance serves every save).</summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.AddSingleton<IDomainEventHandler<TEvent>, THandler>();
        return services;
    }
}
