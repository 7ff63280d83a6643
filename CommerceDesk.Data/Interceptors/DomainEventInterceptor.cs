using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceDesk.Data.Interceptors;

/// <summary>Receives the domain events of a save once it has committed (badge updates, jobs to enqueue).</summary>
public interface IDomainEventPublisher
{
    Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Hands the events raised by tracked aggregates to the publishers after a successful save. It keeps no
/// state of its own, so one instance serves every context a factory creates.
/// </summary>
public sealed class DomainEventInterceptor(IEnumerable<IDomainEventPublisher> publishers) : SaveChangesInterceptor
{
    private readonly IDomainEventPublisher[] _publishers = publishers.ToArray();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var events = TakeEvents(eventData.Context);
        foreach (var publisher in _publishers)
            await publisher.PublishAsync(events, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        var events = TakeEvents(eventData.Context);
        foreach (var publisher in _publishers)
            publisher.PublishAsync(events, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private static List<IDomainEvent> TakeEvents(DbContext? context)
    {
        if (context is null) return [];
        var events = new List<IDomainEvent>();
        foreach (var entry in context.ChangeTracker.Entries<Entity>())
        {
            events.AddRange(entry.Entity.DomainEvents);
            entry.Entity.ClearDomainEvents();
        }
        return events;
    }
}
