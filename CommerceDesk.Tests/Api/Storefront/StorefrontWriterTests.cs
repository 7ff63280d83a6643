using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>The storefront's write path on each provider: on SQLite through the group-commit queue, elsewhere one transaction per upsert.</summary>
public abstract class StorefrontWriterTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : StorefrontWriterTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : StorefrontWriterTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task UniqueViolationRollsBackAndRetriesFromAFreshRead()
    {
        var writer = factory.Services.GetRequiredService<StorefrontWriter>();
        long channelId;
        await using (var db = factory.CreateDbContext())
            channelId = (await db.Channels.SingleAsync(c => c.Code == "web")).Id;
        var attempts = 0;

        var found = await writer.WriteAsync(new StorefrontRecordKey("web", "customer", "raced"), async (db, ct) =>
        {
            attempts++;
            var existing = await db.Customers.AnyAsync(c => c.ChannelId == channelId && c.ExternalId == "raced", ct);
            if (attempts == 1)
            {
                // Plays the losing side of a race: the row appears between our read and our insert.
                db.Customers.Add(NewCustomer(channelId));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                db.Customers.Add(NewCustomer(channelId));
                await db.SaveChangesAsync(ct);
            }
            return existing;
        }, CancellationToken.None);

        attempts.ShouldBe(2);
        found.ShouldBeFalse(); // the first attempt was rolled back entirely
        await using var check = factory.CreateDbContext();
        (await check.Customers.CountAsync(c => c.ExternalId == "raced")).ShouldBe(0);
    }

    internal static Customer NewCustomer(long channelId, string externalId = "raced") =>
        new(channelId, externalId, new CustomerDetails(null, "Race", null, null, null, true, null), Now, Now);
}

// SQLite only: upserts are committed in groups only where one writer holds the database at a time.
public sealed class GroupCommitTests(CommerceDeskFactory factory) : IClassFixture<CommerceDeskFactory>
{
    private static Customer NewCustomer(long channelId, string externalId) => StorefrontWriterTests.NewCustomer(channelId, externalId);

    [Fact]
    public async Task UpsertsQueuedTogetherCommitInOneGroupEachRunningOnce()
    {
        var writer = factory.Services.GetRequiredService<StorefrontWriter>();
        var channelId = await WebChannelIdAsync();
        var runs = new int[5];

        var writes = await QueueBehindABusyWriterAsync(writer, Enumerable.Range(0, 5).Select(i => (Func<CommerceDbContext, CancellationToken, Task<int>>)(async (db, ct) =>
        {
            runs[i]++;
            // Each upsert sees the ones before it in the group: the transaction is shared.
            var before = await db.Customers.CountAsync(c => c.ExternalId.StartsWith("grouped-"), ct);
            db.Customers.Add(NewCustomer(channelId, $"grouped-{i}"));
            await db.SaveChangesAsync(ct);
            return before;
        })));

        (await Task.WhenAll(writes)).ShouldBe([0, 1, 2, 3, 4]);
        runs.ShouldAllBe(count => count == 1);
    }

    [Fact]
    public async Task OneFailingUpsertInAGroupFailsAloneAndTheOthersLand()
    {
        var writer = factory.Services.GetRequiredService<StorefrontWriter>();
        var channelId = await WebChannelIdAsync();
        var runs = new int[4];

        var writes = await QueueBehindABusyWriterAsync(writer, Enumerable.Range(0, 4).Select(i => (Func<CommerceDbContext, CancellationToken, Task<int>>)(async (db, ct) =>
        {
            runs[i]++;
            db.Customers.Add(NewCustomer(channelId, $"mixed-{i}"));
            await db.SaveChangesAsync(ct);
            if (i == 2) throw new DomainException("This upsert breaks a rule.");
            return i;
        })));

        (await Should.ThrowAsync<DomainException>(writes[2])).Message.ShouldBe("This upsert breaks a rule.");
        foreach (var i in new[] { 0, 1, 3 }) (await writes[i]).ShouldBe(i);
        // Tried together up to the failure, rolled back, then each on its own.
        runs.ShouldBe([2, 2, 2, 1]);
        await using var check = factory.CreateDbContext();
        (await check.Customers.Where(c => c.ExternalId.StartsWith("mixed-")).Select(c => c.ExternalId).OrderBy(id => id).ToListAsync())
            .ShouldBe(["mixed-0", "mixed-1", "mixed-3"]);
    }

    /// <summary>Holds the writer on a first upsert until <paramref name="writes"/> are all queued, so they form one group.</summary>
    private static async Task<List<Task<int>>> QueueBehindABusyWriterAsync(
        StorefrontWriter writer, IEnumerable<Func<CommerceDbContext, CancellationToken, Task<int>>> writes)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = writer.WriteAsync(new StorefrontRecordKey("web", "customer", "busy"), async (_, _) =>
        {
            started.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await started.Task;
        var queued = writes.Select((work, i) => writer.WriteAsync(new StorefrontRecordKey("web", "customer", $"queued-{i}"), work, CancellationToken.None)).ToList();
        release.SetResult();
        await busy;
        return queued;
    }

    private async Task<long> WebChannelIdAsync()
    {
        await using var db = factory.CreateDbContext();
        return (await db.Channels.SingleAsync(c => c.Code == "web")).Id;
    }
}
