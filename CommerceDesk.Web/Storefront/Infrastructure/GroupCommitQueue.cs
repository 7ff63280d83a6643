using System.Threading.Channels;
using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// Group commit for SQLite, whose file has one writer at a time. One loop takes every upsert that queued while the
/// previous transaction ran and runs them one after another in a single transaction: one BEGIN IMMEDIATE, one commit
/// and one write of each touched page for the lot, and no lock handed between threads per request. Each upsert still
/// reads and saves on its own (later ones see earlier ones' rows). If any of them throws, the whole transaction rolls
/// back (with its domain events) and each upsert of that group runs again in its own transaction, so only the
/// faulty one reports its error.
/// </summary>
internal sealed class GroupCommitQueue(IDbContextFactory<CommerceDbContext> factory, ILogger<GroupCommitQueue> logger) : BackgroundService
{
    // Bounds the work a failure repeats and the time the first caller of a group waits for the last.
    private const int MaxGroupSize = 200;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    public Task<T> EnqueueAsync<T>(Func<CommerceDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(write)) throw new OperationCanceledException("The application is shutting down.");
        return write.Result;
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
            await write.RunAloneAsync(factory, stoppingToken);
    }

    private async Task<bool> TryTogetherAsync(List<PendingWrite> group, CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(stoppingToken);
            db.Database.AutoSavepointsEnabled = false; // a failure rolls the whole group back anyway
            await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
            foreach (var write in group)
            {
                db.ChangeTracker.Clear();
                await write.RunInGroupAsync(db, stoppingToken);
            }
            await transaction.CommitAsync(stoppingToken);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "A group of {Count} upserts rolled back; running them one by one.", group.Count);
            return false;
        }
    }

    private abstract class PendingWrite
    {
        public abstract bool CancelIfAbandoned();
        public abstract Task RunInGroupAsync(CommerceDbContext db, CancellationToken cancellationToken);
        public abstract void Complete();
        public abstract Task RunAloneAsync(IDbContextFactory<CommerceDbContext> factory, CancellationToken cancellationToken);
        public abstract void Cancel();
    }

    private sealed class PendingWrite<T>(Func<CommerceDbContext, CancellationToken, Task<T>> work, CancellationToken requestAborted) : PendingWrite
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
                _completion.TrySetResult(await WriteTransaction.RunAsync(factory, work, cancellationToken));
            }
            catch (Exception ex)
            {
                _completion.TrySetException(ex);
            }
        }

        public override void Cancel() => _completion.TrySetCanceled();
    }
}
