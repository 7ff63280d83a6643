using CommerceDesk.Domain.Common;

namespace CommerceDesk.Data.Events;

/// <summary>
/// Hears the domain events of a save once it has committed: for telling open pages (the new-orders badge), never
/// for changing data (that is an <see cref="IDomainEventHandler{TEvent}"/>'s job, inside the save).
/// </summary>
public interface ICommittedEventNotifier
{
    Task NotifyAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}
