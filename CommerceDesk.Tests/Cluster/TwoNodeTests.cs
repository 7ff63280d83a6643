using System.Net;
using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Channels;
using CommerceDesk.Web.Email.Delivery;
using CommerceDesk.Web.Email.Outbox;
using CommerceDesk.Web.Email.Reminders;
using CommerceDesk.Web.Carts.Abandonment;
using CommerceDesk.Web.Workflows;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Cluster;

/// <summary>
/// Two web nodes (separate hosts, connection pools, caches and Hangfire servers) on one PostgreSQL database: every
/// job and handler stays correct when both run it at once, and when one dies midway.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private const int DueCarts = 1000;
    private readonly SmtpSink _smtp = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => _smtp.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private Dictionary<string, string?> Settings(bool jobServers) => new()
    {
        // The tests run the jobs on each node themselves; a Hangfire server would also run them on its schedule.
        ["Jobs:RunServer"] = jobServers ? "true" : "false",
        ["Email:Delivery"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = _smtp.Port.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:From"] = "Web shop <shop@commercedesk.test>",
        ["Storefront:KeyCacheSeconds"] = "1",
    };

    /// <summary>Both nodes on one clock the test moves; the jobs' minutely schedule is removed so the test runs them itself.</summary>
    private async Task<TwoNodes> StartAsync(Action<IServiceCollection>? servicesOfA = null, bool jobServers = false)
    {
        void Clock(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        var nodes = await TwoNodes.StartAsync(Settings(jobServers), s => { Clock(s); servicesOfA?.Invoke(s); }, Clock);
        var recurring = nodes.A.Get<IRecurringJobManager>();
        recurring.RemoveIfExists("abandoned-cart-sweep");
        recurring.RemoveIfExists("email-outbox");
        return nodes;
    }

    [Fact]
    public async Task SweepAndOutboxOnBothNodesAtOnceSendExactlyOneReminderPerDueCart()
    {
        await using var nodes = await StartAsync();
        var emails = await AddDueCartsAsync(nodes.A);

        var swept = await Task.WhenAll(Sweep(nodes.A), Sweep(nodes.B));
        await SendAllAsync(nodes.A, nodes.B);

        swept.Sum(r => r.MarkedAbandoned).ShouldBe(DueCarts);
        swept.Sum(r => r.RemindersQueued).ShouldBe(DueCarts);
        ReceivedExactlyOnce(emails);
        await using var db = nodes.B.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent)).ShouldBe(DueCarts);
    }

    [Fact]
    public async Task ANodeDyingMidSweepAndMidOutboxLeavesTheRestToTheOtherWithNothingLostOrSentTwice()
    {
        // Node A dies (its work cancelled, as by a killed process) at its 17th context of the sweep, after marking every
        // cart and queueing some reminders,
        // and again at its 40th send, after claiming that message.
        var dyingTransport = new DyingTransport(diesAtSend: 40);
        await using var nodes = await StartAsync(s => s.Replace(ServiceDescriptor.Singleton<IMailTransport>(sp =>
            dyingTransport.Around(sp.GetRequiredService<SmtpMailTransport>()))));
        var emails = await AddDueCartsAsync(nodes.A);

        var dyingSweep = new AbandonedCartSweep(new DyingFactory(nodes.A.Get<IDbContextFactory<CommerceDbContext>>(), diesAtContext: 17),
            nodes.A.Get<CartReminderComposer>(), _time, Microsoft.Extensions.Logging.Abstractions.NullLogger<AbandonedCartSweep>.Instance) { BatchSize = 100 };
        await Should.ThrowAsync<OperationCanceledException>(() => dyingSweep.RunAsync(CancellationToken.None));
        var survivor = await Sweep(nodes.B);
        await using (var db = nodes.B.CreateDbContext())
            (await db.Set<OutboxMessage>().CountAsync()).ShouldBe(DueCarts);
        survivor.MarkedAbandoned.ShouldBe(0);
        survivor.RemindersQueued.ShouldBeInRange(1, DueCarts - 1);

        await Should.ThrowAsync<OperationCanceledException>(() => nodes.A.Get<OutboxSender>().RunAsync(CancellationToken.None));
        await nodes.A.DisposeAsync();
        await SendAllAsync(nodes.B);
        await using (var db = nodes.B.CreateDbContext())
            (await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sending)).ShouldBe(1);
        // The dead node's claim holds until its lease runs out; then the survivor takes the message over.
        _time.Advance(OutboxSender.Lease + TimeSpan.FromSeconds(1));
        await SendAllAsync(nodes.B);

        ReceivedExactlyOnce(emails);
        await using var check = nodes.B.CreateDbContext();
        (await check.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent)).ShouldBe(DueCarts);
        (await check.Carts.CountAsync(c => c.ReminderSentAt != null)).ShouldBe(DueCarts);
    }

    [Fact]
    public async Task TwoManagersOnDifferentNodesFiringOnTheSameCartLetExactlyOneWin()
    {
        await using var nodes = await StartAsync();
        long cartId;
        await using (var db = nodes.A.CreateDbContext())
        {
            var web = await db.Channels.SingleAsync(c => c.Code == "web");
            var cart = NewCart(web.Id, "contested", "contested@example.com", _time.GetUtcNow().UtcDateTime);
            db.Carts.Add(cart);
            await db.SaveChangesAsync();
            cartId = cart.Id;
        }

        using var start = new ManualResetEventSlim();
        var clicks = new[] { (Node: nodes.A, Name: "Ann"), (Node: nodes.B, Name: "Ben") }.Select(m => Task.Run(async () =>
        {
            start.Wait();
            return await m.Node.Get<FireTransition>().RunAsync(WorkflowTarget.Cart(cartId), Transitions.LogCall,
                Workflows.WorkflowDatabase.CallForm($"call by {m.Name}"), new Actor($"user-{m.Name}", m.Name), expectedVersion: 0);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(clicks);

        outcomes.Count(o => o.Succeeded).ShouldBe(1);
        await using var check = nodes.B.CreateDbContext();
        (await check.WorkflowItems.SingleAsync(i => i.CartId == cartId)).Transitions.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task UpsertsOfTheSameRecordsSpreadOverBothNodesInShuffledOrderEndInTheNewestVersions()
    {
        await using var nodes = await StartAsync();
        var clients = new[] { nodes.A.CreateStorefrontClient(), nodes.B.CreateStorefrontClient() };
        var ids = Enumerable.Range(0, 12).Select(_ => NewId("cus")).ToList();
        var cartIds = Enumerable.Range(0, 6).Select(_ => NewId("cart")).ToList();
        var pushes = ids.Select(id => (Kind: "customers", Id: id)).Concat(cartIds.Select(id => (Kind: "carts", Id: id)))
            .SelectMany(record => Enumerable.Range(1, 8).Select(version => (record.Kind, record.Id, Version: version)))
            .OrderBy(_ => Random.Shared.Next()).ToList();

        var responses = await Task.WhenAll(pushes.Select((p, i) => clients[i % 2].PutAsync(p.Kind, p.Id, p.Kind == "customers"
            ? Customer(version: p.Version, email: $"{p.Id}-v{p.Version}@example.com")
            : Cart(version: p.Version, quantity: p.Version))));

        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        await using var db = nodes.A.CreateDbContext();
        var stored = await db.Customers.Where(c => ids.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId, c => c.Email);
        ids.Select(id => stored[id]).ShouldBe(ids.Select(id => $"{id}-v8@example.com"));
        // Each cart holds its newest version's lines and time, whichever node took which push in whichever order.
        var carts = await db.Carts.AsNoTracking().Where(c => cartIds.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId);
        cartIds.Select(id => (carts[id].Items.Single(i => i.Sku == "SKU-1").Quantity, carts[id].LastActivityAt))
            .ShouldAllBe(c => c.Quantity == 8 && c.LastActivityAt == T0.AddMinutes(8).UtcDateTime);
    }

    [Fact]
    public async Task AKeyRevokedOnOneNodeIsRefusedOnTheOtherOnceItsCacheTimeHasPassed()
    {
        await using var nodes = await StartAsync();
        var channels = nodes.A.Get<StorefrontChannels>();
        var web = (await channels.ListAsync(CancellationToken.None)).Single(c => c.Code == "web");
        var issued = await channels.IssueKeyAsync(web.Id, "Second", CancellationToken.None);
        var onB = nodes.B.CreateStorefrontClient(issued.PlainKey!);
        (await onB.PutAsync("customers", "before-revoke", Customer())).IsSuccessStatusCode.ShouldBeTrue(); // B now caches the key as active

        long keyId;
        await using (var db = nodes.A.CreateDbContext())
            keyId = (await db.ChannelApiKeys.SingleAsync(k => k.Hash == ChannelApiKey.HashOf(issued.PlainKey!))).Id;
        (await channels.RevokeKeyAsync(web.Id, keyId, CancellationToken.None)).ShouldBeNull();

        (await nodes.A.CreateStorefrontClient(issued.PlainKey!).PutAsync("customers", "on-a", Customer())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the configured key cache time (1 s) passes
        (await onB.PutAsync("customers", "after-revoke", Customer())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EachNodeRunsItsOwnJobServerOnTheSharedQueue()
    {
        await using var nodes = await StartAsync(jobServers: true);

        var client = nodes.A.CreateClient();
        var health = "";
        // Readiness, not timing: a Hangfire server announces itself shortly after its host has started.
        for (var attempt = 0; attempt < 60 && !health.Contains("2 job server(s)"); attempt++)
        {
            if (attempt > 0) await Task.Delay(500);
            health = await (await client.GetAsync("/health")).Content.ReadAsStringAsync();
        }

        health.ShouldContain("2 job server(s)");
    }

    [Fact]
    public async Task OutboxRunsOnBothNodesAtOnceEachSendAFullBatch()
    {
        await using var nodes = await StartAsync();
        var emails = await AddDueCartsAsync(nodes.A);
        (await Sweep(nodes.A)).RemindersQueued.ShouldBe(DueCarts);

        // Both runs read the same due messages and race for them; a claim the other node won is not part of this
        // run's batch (Email:SendBatchSize, 100), so scaling out adds sending capacity.
        var sent = await Task.WhenAll(new[] { nodes.A, nodes.B }.Select(n => Task.Run(() => n.Get<OutboxSender>().RunAsync(CancellationToken.None))));

        sent.ShouldBe([100, 100]);
        var received = _smtp.Received().Select(m => m.To.Mailboxes.Single().Address).ToList();
        received.Count.ShouldBe(200);
        received.Distinct().Count().ShouldBe(200);
        received.ShouldAllBe(address => emails.Contains(address));
    }

    [Fact]
    public async Task TwoNodesStartingTogetherOnAnEmptyDatabaseMigrateAndSeedItOnce()
    {
        var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var a = new ClusterNode(database, Settings(jobServers: false), null);
        var b = new ClusterNode(database, Settings(jobServers: false), null);
        try
        {
            await Task.WhenAll(Task.Run(() => _ = a.Services), Task.Run(() => _ = b.Services));

            foreach (var node in new[] { a, b })
                (await (await node.CreateClient().GetAsync("/health")).Content.ReadAsStringAsync()).ShouldContain("Postgres: 1 channel(s)");
            await using var db = a.CreateDbContext();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
            (await db.ChannelApiKeys.CountAsync()).ShouldBe(1);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            TestDatabase.Delete(database);
        }
    }

    private static Task<AbandonedCartSweep.Result> Sweep(ClusterNode node) => Task.Run(() => node.Get<AbandonedCartSweep>().RunAsync(CancellationToken.None));

    /// <summary>Runs the outbox on the nodes at once until a round sends nothing.</summary>
    private static async Task SendAllAsync(params ClusterNode[] nodes)
    {
        while ((await Task.WhenAll(nodes.Select(n => Task.Run(() => n.Get<OutboxSender>().RunAsync(CancellationToken.None))))).Sum() > 0) { }
    }

    /// <summary>The SMTP server holds one message for each address and nothing else.</summary>
    private void ReceivedExactlyOnce(List<string> emails)
    {
        var received = _smtp.Received().Select(m => m.To.Mailboxes.Single().Address).ToList();
        received.Count.ShouldBe(emails.Count);
        received.Order().ShouldBe(emails.Order());
    }

    /// <summary>Carts idle for two hours in channel <c>web</c>, each with its own address; returns the addresses.</summary>
    private async Task<List<string>> AddDueCartsAsync(ClusterNode node)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        await using var db = node.CreateDbContext();
        var web = await db.Channels.SingleAsync(c => c.Code == "web");
        var emails = Enumerable.Range(1, DueCarts).Select(i => $"shopper{i}@example.com").ToList();
        db.Carts.AddRange(emails.Select((email, i) => NewCart(web.Id, $"due-{i}", email, now)));
        await db.SaveChangesAsync();
        return emails;
    }

    private static Cart NewCart(long channelId, string externalId, string email, DateTime now) =>
        new(channelId, externalId, new CartSnapshot(null, email, "EUR", [new LineInput("CUP-1", "Cup", 1, 9.5m)], CheckoutStep.Payment), now.AddHours(-2), now);

    /// <summary>A node that dies at its n-th context: from then on every call fails as a killed process would leave it.</summary>
    private sealed class DyingFactory(IDbContextFactory<CommerceDbContext> inner, int diesAtContext) : IDbContextFactory<CommerceDbContext>
    {
        private int _created;

        public CommerceDbContext CreateDbContext() =>
            Interlocked.Increment(ref _created) >= diesAtContext ? throw new OperationCanceledException("node killed") : inner.CreateDbContext();
    }

    /// <summary>The node's real SMTP transport until its n-th send, which dies before anything reaches the server.</summary>
    private sealed class DyingTransport(int diesAtSend)
    {
        private int _sends;

        private bool Dies() => Interlocked.Increment(ref _sends) >= diesAtSend;

        public IMailTransport Around(IMailTransport real) => new Transport(this, real);

        private sealed class Transport(DyingTransport owner, IMailTransport real) : IMailTransport
        {
            public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken) => new Connection(owner, await real.ConnectAsync(cancellationToken));
        }

        private sealed class Connection(DyingTransport owner, IMailConnection real) : IMailConnection
        {
            public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
                owner.Dies() ? throw new OperationCanceledException("node killed") : real.SendAsync(message, cancellationToken);

            public ValueTask DisposeAsync() => real.DisposeAsync();
        }
    }
}
