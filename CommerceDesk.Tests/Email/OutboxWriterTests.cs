using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Email.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceDesk.Tests.Email;

/// <summary>Queueing many messages at once: the same rows as one by one, each key once.</summary>
public abstract class OutboxWriterTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : OutboxWriterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OutboxWriterTests(DatabaseProvider.Postgres);

    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private string _path = null!;

    public async Task InitializeAsync() => _path = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ManyMessagesAreQueuedOncePerKeyAsOneByOneWouldQueueThem()
    {
        await using (var db = Db())
            (await OutboxWriter.EnqueueAsync(db, Message("k-1", "one"), CancellationToken.None)).ShouldBeTrue();

        int queued;
        await using (var db = Db())
            queued = await OutboxWriter.EnqueueManyAsync(db,
                [Message("k-1", "again"), .. Enumerable.Range(2, 300).Select(i => Message($"k-{i}", $"n{i}")), Message("k-2", "twice")],
                CancellationToken.None);

        queued.ShouldBe(300);
        await using var check = Db();
        var rows = await check.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
        rows.Select(m => m.DedupeKey).ShouldBe(Enumerable.Range(1, 301).Select(i => $"k-{i}"));
        rows[0].Subject.ShouldBe("one");
        var bulk = rows[150];
        (bulk.To, bulk.Subject, bulk.HtmlBody, bulk.TextBody).ShouldBe(("ann@example.com", "n151", "<p>n151</p>", "n151 text"));
        (bulk.Status, bulk.Attempts, bulk.CreatedAt, bulk.NextAttemptAt, bulk.SentAt, bulk.ClaimToken).ShouldBe((OutboxStatus.Pending, 0, Now, Now, (DateTime?)null, (Guid?)null));
        rows[1].Subject.ShouldBe("n2");
    }

    [Fact]
    public async Task AKeyQueuedByAnotherWriterMeanwhileIsNotQueuedTwice()
    {
        // Another node queues k-3 after this writer looked for existing keys and before its insert.
        var interceptor = new AfterKeyLookup(async () =>
        {
            await using var other = Db();
            (await OutboxWriter.EnqueueAsync(other, Message("k-3", "theirs"), CancellationToken.None)).ShouldBeTrue();
        });
        await using (var db = TestDatabase.Open(_path, interceptor))
        {
            var queued = await OutboxWriter.EnqueueManyAsync(db, Enumerable.Range(1, 5).Select(i => Message($"k-{i}", "ours")).ToList(), CancellationToken.None);
            queued.ShouldBe(4);
        }

        await using var check = Db();
        (await check.Set<OutboxMessage>().OrderBy(m => m.DedupeKey).Select(m => m.DedupeKey + ":" + m.Subject).ToListAsync())
            .ShouldBe(["k-1:ours", "k-2:ours", "k-3:theirs", "k-4:ours", "k-5:ours"]);
    }

    private CommerceDbContext Db() => TestDatabase.Open(_path);

    private static OutboxMessage Message(string key, string subject) =>
        new(key, "ann@example.com", subject, $"<p>{subject}</p>", $"{subject} text", Now);

    /// <summary>Runs the action once, when the look-up of existing outbox keys has been read.</summary>
    private sealed class AfterKeyLookup(Func<Task> action) : DbCommandInterceptor
    {
        private int _done;

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (command.CommandText.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _done, 1) == 0)
                await action();
            return result;
        }
    }
}
