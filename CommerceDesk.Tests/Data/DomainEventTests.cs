using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Data.Interceptors;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Data;

/// <summary>The save pipeline: handlers inside the save (all or nothing), notifiers after the commit.</summary>
public abstract class DomainEventTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : DomainEventTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DomainEventTests(DatabaseProvider.Postgres);

    private readonly RecordingNotifier _notifier = new();
    private readonly ServiceCollection _handlers = new();
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
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    private CommerceDbContext Open() =>
        TestDatabase.Open(_path, new DomainEventInterceptor(new DomainEventDispatcher(_handlers.BuildServiceProvider()), [_notifier]));

    private void On<TEvent>(Func<TEvent, CommerceDbContext, Task> handle) where TEvent : IDomainEvent =>
        _handlers.AddSingleton<IDomainEventHandler<TEvent>>(new Handler<TEvent>(handle));

    private Order NewOrder(string id = "order-1") => new OrderBuilder().InChannel(_channelId).WithExternalId(id).Build();

    private static OutboxMessage Message(string key) => new(key, "staff@example.com", "New order", "<p>New</p>", "New", Clock.Start);

    private async Task<(int Orders, int Messages)> StoredAsync()
    {
        await using var db = Open();
        return (await db.Orders.CountAsync(), await db.Set<OutboxMessage>().CountAsync());
    }

    [Fact]
    public async Task NotifiersHearOfEventsAfterAPlainSave()
    {
        await using var db = Open();
        db.Orders.Add(NewOrder());

        await db.SaveChangesAsync();

        var placed = _notifier.Events.OfType<OrderPlaced>().ShouldHaveSingleItem();
        placed.Order.Id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task InsideATransactionNotifiersWaitForTheCommit()
    {
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Orders.Add(NewOrder());
        await db.SaveChangesAsync();

        _notifier.Events.ShouldBeEmpty();
        await transaction.CommitAsync();

        _notifier.Events.OfType<OrderPlaced>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ARolledBackTransactionNotifiesNothing()
    {
        await using var db = Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Orders.Add(NewOrder());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        _notifier.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhatAHandlerAddsIsWrittenByTheSaveThatRaisedTheEvent()
    {
        On<OrderPlaced>((placed, db) =>
        {
            // Before the save: nothing of it is in the database yet.
            db.Add(Message($"notice:{placed.Order.ExternalId}"));
            return Task.CompletedTask;
        });
        await using var db = Open();
        db.Orders.Add(NewOrder());

        await db.SaveChangesAsync();

        (await StoredAsync()).ShouldBe((1, 1));
    }

    [Fact]
    public async Task AFailingHandlerFailsTheSaveAndNothingIsWritten()
    {
        On<OrderPlaced>((_, db) => { db.Add(Message("notice")); return Task.CompletedTask; });
        On<OrderPlaced>((_, _) => throw new InvalidOperationException("The staff address is gone."));
        await using var db = Open();
        db.Orders.Add(NewOrder());

        (await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message.ShouldBe("The staff address is gone.");

        (await StoredAsync()).ShouldBe((0, 0));
        _notifier.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFailingHandlerInsideATransactionFailsItsSaveAndTheRollbackUndoesTheEarlierOnes()
    {
        On<CartPurchased>((_, _) => throw new InvalidOperationException("No workflow."));
        await using (var db = Open())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var order = NewOrder();
            var cart = new CartBuilder().InChannel(_channelId).WithItem("MUG", 1).Build();
            db.AddRange(order, cart);
            await db.SaveChangesAsync();
            cart.MarkPurchased(order.Id);

            await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        (await StoredAsync()).ShouldBe((0, 0));
        _notifier.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task EventsAHandlerRaisesAreHandledInTheSameSave()
    {
        long earlierOrder;
        long cartId;
        await using (var db = Open())
        {
            var order = NewOrder("order-0");
            var cart = new CartBuilder().InChannel(_channelId).WithItem("MUG", 1).Build();
            db.AddRange(order, cart);
            await db.SaveChangesAsync();
            (earlierOrder, cartId) = (order.Id, cart.Id);
        }
        _notifier.Events.Clear();
        On<OrderPlaced>(async (_, db) => (await db.Carts.SingleAsync(c => c.Id == cartId)).MarkPurchased(earlierOrder));
        On<CartPurchased>((purchased, db) => { db.Add(Message($"purchased:{purchased.Cart.Id}")); return Task.CompletedTask; });

        await using (var db = Open())
        {
            db.Orders.Add(NewOrder("order-1"));
            await db.SaveChangesAsync();
        }

        await using var check = Open();
        (await check.Carts.SingleAsync(c => c.Id == cartId)).Status.ShouldBe(CartStatus.Purchased);
        (await check.Set<OutboxMessage>().SingleAsync()).DedupeKey.ShouldBe($"purchased:{cartId}");
        _notifier.Events.Select(e => e.GetType()).ShouldBe([typeof(OrderPlaced), typeof(CartPurchased)]);
    }

    [Fact]
    public async Task HandlersThatKeepRaisingEventsFailTheSave()
    {
        var placed = 0;
        On<OrderPlaced>((_, db) => { db.Orders.Add(NewOrder($"order-{++placed + 1}")); return Task.CompletedTask; });
        await using var db = Open();
        db.Orders.Add(NewOrder());

        var error = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        error.Message.ShouldContain($"after {DomainEventInterceptor.MaxRounds} rounds");
        placed.ShouldBe(DomainEventInterceptor.MaxRounds);
        (await StoredAsync()).ShouldBe((0, 0));
    }

    [Fact]
    public async Task AHandlerThatSavesByItselfIsRefused()
    {
        On<OrderPlaced>(async (_, db) => { db.Add(Message("notice")); await db.SaveChangesAsync(); });
        await using var db = Open();
        db.Orders.Add(NewOrder());

        (await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message.ShouldContain("must not call SaveChanges");

        (await StoredAsync()).ShouldBe((0, 0));
    }

    private sealed class Handler<TEvent>(Func<TEvent, CommerceDbContext, Task> handle) : IDomainEventHandler<TEvent> where TEvent : IDomainEvent
    {
        public Task HandleAsync(TEvent domainEvent, CommerceDbContext db, CancellationToken cancellationToken) => handle(domainEvent, db);
    }

    private sealed class RecordingNotifier : ICommittedEventNotifier
    {
        public List<IDomainEvent> Events { get; } = [];

        public Task NotifyAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        {
            Events.AddRange(events);
            return Task.CompletedTask;
        }
    }
}
