using System.Threading.Channels;
using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// Group commit for SQLite, whose file has one writer at a time. One loop takes every upsert that queued while the
/// previous transaction ran and runs them one after another in a single transaction: one BEGIN IMMEDIATE, one commit
/// and one write of each touched page for the lot, and no lock handed between threads per request. Each upsert still
/// reads and saves on its own (later ones see earlier ones' rows). If any of them throws, the whole transaction rolls
/// back (with its domain events) and each upsert of that group runs again in its own transaction, so only the
/// faulty one reports its error.
/// The queue is bounded (<see cref="StorefrontOptions.WriteQueueLimit"/>): when more upserts arrive than the file can
/// take, the excess is refused at once (503 with Retry-After) rather than waiting until the storefront times out.
/// </summary>
internal sealed class GroupCommitQueue : BackgroundService
{
    // Bounds the work a failure repeats and the time the first caller of a group waits for the last.
    private const int MaxGroupSize = 200;

    private readonly IDbContextFactory<CommerceDbContext> _factory;
    private readonly ILogger<GroupCommitQueue> _logger;
    private readonly int _limit;
    private readonly Channel<PendingWrite> _queue;
    private volatile bool _stopped;

    public GroupCommitQueue(IDbContextFactory<CommerceDbContext> factory, IOptions<StorefrontOptions> options, ILogger<GroupCommitQueue> logger)
    {
        _factory = factory;
        _logger = logger;
        _limit = options.Value.WriteQueueLimit;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_limit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Queues the upsert of <paramref name="record"/>; throws <see cref="WriteQueueFullException"/> when the queue is full.</summary>
    public Task<T> EnqueueAsync<T>(StorefrontRecordKey record, Func<CommerceDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new PendingWrite<T>(record, work, cancellationToken);
        if (_queue.Writer.TryWrite(write)) return write.Result;
        if (_stopped) throw new OperationCanceledException("The application is shutting down.");
        throw new WriteQueueFullException(_limit);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingWrite>(MaxGroupSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxGroupSize && _queue.Reader.TryRead(out var write))
                    if (!write.CancelIfAbandoned()) group.Add(write);
                await CommitGroupAsync(group, stoppingToken);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _stopped = true;
            _queue.Writer.TryComplete();
            foreach (var write in group) write.Cancel();
            while (_queue.Reader.TryRead(out var write)) write.Cancel();
        }
    }

    private async Task CommitGroupAsync(List<PendingWrite> group, CancellationToken stoppingToken)
    {
        if (group.Count == 0) return;
        if (group.Count > 1 && await TryTogetherAsync(group, stoppingToken))
        {
            foreach (var write in group) write.Complete();
            return;
        }
        foreach (var write in group)
            await write.RunAloneAsync(_factory, stoppingToken);
    }

    private async Task<bool> TryTogetherAsync(List<PendingWrite> group, CancellationToken stoppingToken)
    {
        PendingWrite? running = null;
        try
        {
            await using var db = await _factory.CreateDbContextAsync(stoppingToken);
            db.Database.AutoSavepointsEnabled = false; // a failure rolls the whole group back anyway
            await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
            foreach (var write in group)
            {
                running = write;
                db.ChangeTracker.Clear();
                await write.RunInGroupAsync(db, stoppingToken);
            }
            running = null;
            await transaction.CommitAsync(stoppingToken);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Every upsert of the group is written again one by one: worth a line naming the one that cost that.
            if (running is null)
                _logger.LogWarning(ex, "A group of {Count} storefront upserts failed to commit and rolled back; running them one by one.", group.Count);
            else
                _logger.LogWarning(ex, "A group of {Count} storefront upserts rolled back at the {Kind} '{ExternalId}' of channel '{Channel}'; running them one by one.",
                    group.Count, running.Record.Kind, running.Record.ExternalId, running.Record.Channel);
            return false;
        }
    }

    private abstract class PendingWrite(StorefrontRecordKey record)
    {
        public StorefrontRecordKey Record { get; } = record;
        public abstract bool CancelIfAbandoned();
        public abstract Task RunInGroupAsync(CommerceDbContext db, CancellationToken cancellationToken);
        public abstract void Complete();
        public abstract Task RunAloneAsync(IDbContextFactory<CommerceDbContext> factory, CancellationToken cancellationToken);
        public abstract void Cancel();
    }

    private sealed class PendingWrite<T>(StorefrontRecordKey record, Func<CommerceDbContext, CancellationToken, Task<T>> work, CancellationToken requestAborted)
        : PendingWrite(record)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Result => _completion.Task;

        // A client that hung up before its turn gets nothing written; once its turn comes the upsert runs to the end.
        public override bool CancelIfAbandoned()
        {
            if (!requestAborted.IsCancellationRequested) return false;
            _completion.TrySetCanceled(requestAborted);
            return true;
        }

        public override async Task RunInGroupAsync(CommerceDbContext db, CancellationToken cancellationToken) =>
            _result = await work(db, cancellationToken);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override async Task RunAloneAsync(IDbContextFactory<CommerceDbContext> factory, CancellationToken cancellationToken)
        {
            try
            {
                _completion.TrySetResult(await WriteTransaction.RunAsync(factory, Record, work, cancellationToken));
            }
            catch (Exception ex)
            {
                _completion.TrySetException(ex);
            }
        }

        public override void Cancel() => _completion.TrySetCanceled();
    }
}
