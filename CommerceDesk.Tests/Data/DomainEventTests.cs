using CommerceDesk.Data;
using CommerceDesk.Data.Interceptors;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Data;

public abstract class DomainEventTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : DomainEventTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DomainEventTests(DatabaseProvider.Postgres);

    private readonly RecordingPublisher _publisher = new();
    private string _path = "";
    private long _channelId;

    public async Task InitializeAsync()
    {
        _path = await TestDatabase.CreateAsync(provider);
        await using var db = Open();
        var channel = new Channel("web", "Web", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        _channelId = channel.Id;
        _publisher.Events.Clear();
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    private CommerceDbContext Open() => TestDatabase.Open(_path, new DomainEventInterceptor([_publisher]));

    [Fact]
    public async Task EventsArePublishedAfterAPlainSave()
    {
        await using var db = Open();
        db.Orders.Add(new OrderBuilder().InChannel(_channelId).Build());

        await db.SaveChangesAsync();

        var placed = _publisher.Events.OfType<OrderPlaced>().ShouldHaveSingleItem();
        placed.Order.Id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task InsideATransactionEventsWaitForTheCommit()
    {
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Orders.Add(new OrderBuilder().InChannel(_channelId).Build());
        await db.SaveChangesAsync();

        _publisher.Events.ShouldBeEmpty();
        await transaction.CommitAsync();

        _publisher.Events.OfType<OrderPlaced>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ARolledBackTransactionPublishesNothing()
    {
        await using var db = Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Orders.Add(new OrderBuilder().InChannel(_channelId).Build());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        _publisher.Events.ShouldBeEmpty();
    }

    private sealed class RecordingPublisher : IDomainEventPublisher
    {
        public List<IDomainEvent> Events { get; } = [];

        public Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        {
            Events.AddRange(events);
            return Task.CompletedTask;
        }
    }
}
