using System.Data.Common;
using System.Runtime.CompilerServices;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommerceDesk.Data.Interceptors;

/// <summary>Receives the domain events of a save once it has committed (badge updates, jobs to enqueue).</summary>
public interface IDomainEventPublisher
{
    Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Hands the events raised by tracked aggregates to the publishers once the change is durable: right after
/// SaveChanges, or, inside an explicit transaction, when that transaction commits (a rollback drops them).
/// One instance serves every context a factory creates; pending events hang off their transaction.
/// </summary>
public sealed class DomainEventInterceptor(IEnumerable<IDomainEventPublisher> publishers) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly IDomainEventPublisher[] _publishers = publishers.ToArray();
    private readonly ConditionalWeakTable<DbTransaction, List<IDomainEvent>> _pending = new();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var events = TakeEvents(eventData.Context);
        if (eventData.Context?.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            _pending.GetOrCreateValue(transaction).AddRange(events);
        else
            await PublishAsync(events, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(transaction, out var events) && _pending.Remove(transaction))
            await PublishAsync(events, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    private async Task PublishAsync(List<IDomainEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        foreach (var publisher in _publishers)
            await publisher.PublishAsync(events, cancellationToken);
    }

    private static List<IDomainEvent> TakeEvents(DbContext? context)
    {
        if (context is null) return [];
        var events = new List<IDomainEvent>();
        // The save has just accepted every change: scanning for new ones again would be wasted work on each save.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<Entity>())
            {
                if (entry.Entity.DomainEvents.Count == 0) continue;
                events.AddRange(entry.Entity.DomainEvents);
                entry.Entity.ClearDomainEvents();
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
        return events;
    }
}
