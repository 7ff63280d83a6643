using CommerceDesk.Domain.Common;

namespace CommerceDesk.Data.Events;

/// <summary>
/// A side effect of <typeparamref name="TEvent"/>, run inside the save that raised it, on the same context and
/// transaction: what it adds or changes on <paramref name="db"/> is written by that save, and if it throws nothing
/// of the save is written. It must not call SaveChanges itself. Register it with
/// <see cref="DomainEventServiceCollectionExtensions.AddDomainEventHandler{TEvent, THandler}"/> in the feature that cares.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CommerceDbContext db, CancellationToken cancellationToken);
}
