using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Carts.Abandonment;
using CommerceDesk.Web.Email.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommerceDesk.Tests.Jobs;

/// <summary>
/// The sweep reads and writes carts a batch at a time: every cart is handled once across batch boundaries and
/// across nodes, and a cart that changes between the read and the write is left alone.
/// </summary>
public abstract class AbandonedCartSweepBatchTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AbandonedCartSweepBatchTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AbandonedCartSweepBatchTests(DatabaseProvider.Postgres);

    private const int SmallBatch = 4;
    private EmailTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await EmailTestKit.CreateAsync(provider);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task MoreDueCartsThanOneBatchEachGetExactlyOneReminderFromTwoNodes()
    {
        var channel = await _kit.AddChannelAsync();
        var eligible = new List<Cart>();
        var ineligible = new List<Cart>();
        for (var i = 0; i < 23; i++)
        {
            // Every fifth cart has nothing priced: checked, not e-mailed. All share one idle time, so batches split ties.
            if (i % 5 == 0) ineligible.Add(await _kit.AddCartAsync(channel.Id, c => c.WithItems(new LineInput("GIFT", "Free sample", 1, 0m))));
            else eligible.Add(await _kit.AddCartAsync(channel.Id));
        }
        _kit.Time.Advance(TimeSpan.FromHours(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => SmallBatchSweep().RunAsync(CancellationToken.None))));
        var again = await SmallBatchSweep().RunAsync(CancellationToken.None);

        results.Sum(r => r.MarkedAbandoned).ShouldBe(23);
        results.Sum(r => r.RemindersQueued).ShouldBe(eligible.Count);
        results.Sum(r => r.Ineligible).ShouldBe(ineligible.Count);
        again.ShouldBe(new AbandonedCartSweep.Result(0, 0, 0));
        await using var db = _kit.Db();
        (await db.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync())
            .ShouldBe(eligible.Select(c => CartReminderComposer.DedupeKeyFor(c.Id)), ignoreOrder: true);
        var carts = await db.Carts.ToListAsync();
        carts.ShouldAllBe(c => c.Status == CartStatus.Abandoned && c.ReminderCheckedAt != null);
        carts.Where(c => c.ReminderSentAt != null).Select(c => c.Id).ShouldBe(eligible.Select(c => c.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task ACartChangedBetweenSelectionAndUpdateIsNotMarkedAbandoned()
    {
        var channel = await _kit.AddChannelAsync();
        var carts = new List<Cart>();
        for (var i = 0; i < 6; i++) carts.Add(await _kit.AddCartAsync(channel.Id));
        var (emptied, resumed) = (carts[0], carts[1]);
        _kit.Time.Advance(TimeSpan.FromHours(2));

        // Just before the first batch is written: a late push empties one cart (its new activity time is still past
        // the delay, so only the version tells), and the customer comes back to another.
        var sweep = SweepWith(new BeforeCommand(
            sql => sql.StartsWith("UPDATE \"Carts\"", StringComparison.Ordinal) && sql.Contains("\"Status\" =", StringComparison.Ordinal),
            async () =>
            {
                await PushAsync(emptied.Id, EmailTestKit.Start.UtcDateTime.AddMinutes(10), withItems: false);
                await PushAsync(resumed.Id, _kit.Now, withItems: true);
            }));
        var result = await sweep.RunAsync(CancellationToken.None);

        result.MarkedAbandoned.ShouldBe(4);
        result.RemindersQueued.ShouldBe(4);
        await using var db = _kit.Db();
        var statuses = await db.Carts.ToDictionaryAsync(c => c.Id, c => c.Status);
        statuses[emptied.Id].ShouldBe(CartStatus.Open);
        statuses[resumed.Id].ShouldBe(CartStatus.Open);
        carts.Skip(2).ShouldAllBe(c => statuses[c.Id] == CartStatus.Abandoned);
        (await db.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync())
            .ShouldBe(carts.Skip(2).Select(c => CartReminderComposer.DedupeKeyFor(c.Id)), ignoreOrder: true);
    }

    [Fact]
    public async Task ACartRemindedByHandWhileTheSweepRunsGetsNoSecondReminder()
    {
        var channel = await _kit.AddChannelAsync();
        var carts = new List<Cart>();
        for (var i = 0; i < 6; i++) carts.Add(await _kit.AddCartAsync(channel.Id));
        _kit.Time.Advance(TimeSpan.FromHours(2));

        // After the sweep has read the batch and while it applies the rules, a manager sends one cart's reminder.
        var manual = default(SendCartReminder.Outcome);
        var sweep = SweepWith(new BeforeCommand(
            sql => sql.StartsWith("SELECT", StringComparison.Ordinal) && sql.Contains("FROM \"Orders\"", StringComparison.Ordinal),
            async () => manual = await _kit.ManualReminder().SendAsync(carts[1].Id, CancellationToken.None)));
        var result = await sweep.RunAsync(CancellationToken.None);

        manual!.Queued.ShouldBeTrue();
        result.MarkedAbandoned.ShouldBe(6);
        result.RemindersQueued.ShouldBe(5);
        result.Ineligible.ShouldBe(0);
        await using var db = _kit.Db();
        (await db.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync())
            .ShouldBe(carts.Select(c => CartReminderComposer.DedupeKeyFor(c.Id)), ignoreOrder: true);
        (await db.Carts.CountAsync(c => c.ReminderSentAt != null)).ShouldBe(6);
    }

    private AbandonedCartSweep SmallBatchSweep() =>
        new(new FileContextFactory(_kit.Path), new CartReminderComposer(_kit.Links), _kit.Time, NullLogger<AbandonedCartSweep>.Instance)
        {
            BatchSize = SmallBatch,
        };

    private AbandonedCartSweep SweepWith(IInterceptor interceptor) =>
        new(new InterceptedFactory(_kit.Path, interceptor), new CartReminderComposer(_kit.Links), _kit.Time, NullLogger<AbandonedCartSweep>.Instance)
        {
            BatchSize = SmallBatch,
        };

    /// <summary>A storefront push of the cart as it is, emptied or not, stamped <paramref name="updatedAt"/>.</summary>
    private async Task PushAsync(long cartId, DateTime updatedAt, bool withItems)
    {
        await using var db = _kit.Db();
        var cart = await db.Carts.SingleAsync(c => c.Id == cartId);
        var items = withItems ? cart.Items.Select(i => new LineInput(i.Sku, i.Name, i.Quantity, i.UnitPrice)).ToList() : [];
        cart.Update(new CartSnapshot(cart.CustomerExternalId, cart.Email, cart.Currency, items, cart.CheckoutStep), updatedAt).ShouldBeTrue();
        await db.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="action"/> once, just before the first command that <paramref name="matches"/> is sent.</summary>
    private sealed class BeforeCommand(Func<string, bool> matches, Func<Task> action) : DbCommandInterceptor
    {
        private int _done;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await RunOnceAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await RunOnceAsync(command);
            return result;
        }

        private async Task RunOnceAsync(DbCommand command)
        {
            if (matches(command.CommandText.TrimStart()) && Interlocked.Exchange(ref _done, 1) == 0) await action();
        }
    }

    private sealed class InterceptedFactory(string path, IInterceptor interceptor) : IDbContextFactory<CommerceDbContext>
    {
        public CommerceDbContext CreateDbContext() => TestDatabase.Open(path, interceptor);
    }
}
