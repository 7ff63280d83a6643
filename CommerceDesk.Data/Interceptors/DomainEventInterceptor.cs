using System.Data.Common;
using System.Runtime.CompilerServices;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommerceDesk.Data.Interceptors;

/// <summary>
/// The save pipeline's two moments for domain events.
/// <para>Before the save writes anything, the events raised by tracked entities go to their
/// <see cref="IDomainEventHandler{TEvent}"/>s on the same context; what the handlers change is written by that same
/// SaveChanges (one statement batch, in the caller's transaction if there is one), and a handler that throws fails
/// the save before anything is written. Events the handlers raise are handled in a further round, until none are
/// left (at most <see cref="MaxRounds"/> rounds).</para>
/// <para>Once the change is durable, right after SaveChanges or, inside an explicit transaction, when that
/// transaction commits, every event of the save goes to the <see cref="ICommittedEventNotifier"/>s (a rollback
/// drops them).</para>
/// <para>A handler that writes with set-based SQL (an <c>ExecuteUpdate</c>, which runs at once rather than with the
/// save) begins a transaction first when none is open; the save then runs in it and commits it, or rolls it back on
/// failure, so that SQL and the save's own writes are one unit.</para>
/// Register it before <see cref="VersionInterceptor"/>, so rows the handlers change get their version bumped and checked.
/// One instance serves every context a factory creates; state hangs off the context and the transaction.
/// </summary>
public sealed class DomainEventInterceptor(DomainEventDispatcher dispatcher, IEnumerable<ICommittedEventNotifier> notifiers)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Handlers raising events for handlers this many times over are answering each other without end.</summary>
    public const int MaxRounds = 10;

    private readonly ICommittedEventNotifier[] _notifiers = notifiers.ToArray();
    private readonly ConditionalWeakTable<DbContext, List<IDomainEvent>> _saving = new();
    private readonly ConditionalWeakTable<DbContext, object> _dispatching = new();
    private readonly ConditionalWeakTable<DbTransaction, List<IDomainEvent>> _pending = new();
    private readonly ConditionalWeakTable<DbContext, BegunTransaction> _begunByHandlers = new();

    /// <summary>A transaction a handler began for its save, and whether the context made savepoints before (restored after).</summary>
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _failed = new();

    private sealed record BegunTransaction(IDbContextTransaction Transaction, bool AutoSavepoints);

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CommerceDbContext db) await DispatchAsync(db, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_saving.TryGetValue(context, out var events)) return result;
        _saving.Remove(context);
        if (_begunByHandlers.TryGetValue(context, out var begun))
        {
            _begunByHandlers.Remove(context);
            context.Database.AutoSavepointsEnabled = begun.AutoSavepoints;
            await begun.Transaction.CommitAsync(cancellationToken);
            await begun.Transaction.DisposeAsync();
            await NotifyAsync(events, cancellationToken);
            return result;
        }
        if (events.Count == 0) return result;
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            _pending.GetOrCreateValue(transaction).AddRange(events);
        else
            await NotifyAsync(events, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetAsync(eventData.Context).GetAwaiter().GetResult();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(eventData.Context);

    /// <summary>
    /// A stale version fails the save through this hook, not SaveChangesFailed, while the batch's reader is still open:
    /// the transaction a handler began is rolled back when the context is disposed, or before its next save.
    /// </summary>
    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && _begunByHandlers.TryGetValue(context, out var begun))
        {
            _begunByHandlers.Remove(context);
            context.Database.AutoSavepointsEnabled = begun.AutoSavepoints;
            _failed.AddOrUpdate(context, begun.Transaction);
        }
        return result;
    }

    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ThrowingConcurrencyException(eventData, result));

    public void SaveChangesCanceled(DbContextEventData eventData) => ForgetAsync(eventData.Context).GetAwaiter().GetResult();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(eventData.Context);

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(transaction, out var events) && _pending.Remove(transaction))
            await NotifyAsync(events, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    private async Task DispatchAsync(CommerceDbContext db, CancellationToken cancellationToken)
    {
        if (_dispatching.TryGetValue(db, out _))
            throw new InvalidOperationException("A domain event handler must not call SaveChanges: the save it runs in writes its changes.");
        var dispatched = new List<IDomainEvent>();
        if (_failed.TryGetValue(db, out var failed))
        {
            _failed.Remove(db);
            if (db.Database.CurrentTransaction == failed)
            {
                await failed.RollbackAsync(cancellationToken);
                await failed.DisposeAsync();
            }
        }
        var hadTransaction = db.Database.CurrentTransaction is not null;
        _saving.AddOrUpdate(db, dispatched);
        _dispatching.AddOrUpdate(db, dispatched);
        try
        {
            for (var round = 1; ; round++)
            {
                var events = TakeEvents(db);
                if (events.Count == 0) break;
                if (round > MaxRounds)
                    throw new InvalidOperationException(
                        $"Domain event handlers still raised {string.Join(", ", events.Select(e => e.GetType().Name).Distinct())} after {MaxRounds} rounds; nothing was saved.");
                dispatched.AddRange(events);
                foreach (var domainEvent in events)
                    await dispatcher.DispatchAsync(domainEvent, db, cancellationToken);
            }
        }
        catch
        {
            _saving.Remove(db);
            if (!hadTransaction && db.Database.CurrentTransaction is { } begun)
            {
                await begun.RollbackAsync(CancellationToken.None);
                await begun.DisposeAsync();
            }
            throw;
        }
        finally
        {
            _dispatching.Remove(db);
        }
        if (!hadTransaction && db.Database.CurrentTransaction is { } begunByHandler)
        {
            // No savepoint inside it: a failed save rolls the whole transaction back here (see ForgetAsync), not to a savepoint.
            _begunByHandlers.AddOrUpdate(db, new BegunTransaction(begunByHandler, db.Database.AutoSavepointsEnabled));
            db.Database.AutoSavepointsEnabled = false;
        }
    }

    private async Task ForgetAsync(DbContext? context)
    {
        if (context is null) return;
        _saving.Remove(context);
        if (_begunByHandlers.TryGetValue(context, out var begun))
        {
            _begunByHandlers.Remove(context);
            context.Database.AutoSavepointsEnabled = begun.AutoSavepoints;
            await begun.Transaction.RollbackAsync(CancellationToken.None);
            await begun.Transaction.DisposeAsync();
        }
    }

    private async Task NotifyAsync(List<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var notifier in _notifiers)
            await notifier.NotifyAsync(events, cancellationToken);
    }

    private static List<IDomainEvent> TakeEvents(DbContext context)
    {
        var events = new List<IDomainEvent>();
        // An entity raising an event is tracked already (added or loaded); the save detects changes itself afterwards,
        // so scanning for them here as well would be wasted work on every save.
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
