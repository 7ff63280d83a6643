using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Data.Interceptors;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;

namespace CommerceDesk.Tests.Workflows;

/// <summary>A purchase moves the cart's workflow in one place (<see cref="ConvertCartWorkflowOnPurchase"/>), in the save that records it.</summary>
public abstract class CartPurchaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : CartPurchaseTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CartPurchaseTests(DatabaseProvider.Postgres);

    private static readonly Actor Ann = new("user-ann", "Ann Manager");
    private readonly WorkflowDatabase _db = new(provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task APurchasedCartWithoutAWorkflowItemGetsOneAtConvertedInTheSameSave()
    {
        await using (var db = _db.CreateDbContext())
        {
            (await db.Carts.SingleAsync(c => c.Id == _db.CartId)).MarkPurchased(_db.OrderId);
            await db.SaveChangesAsync();
        }

        await using var check = _db.CreateDbContext();
        (await check.Carts.SingleAsync(c => c.Id == _db.CartId)).WorkflowStep.ShouldBe(CartFlow.Steps.Converted);
        var item = await check.WorkflowItems.SingleAsync(i => i.CartId == _db.CartId);
        item.CurrentStep.ShouldBe(CartFlow.Steps.Converted);
        var purchase = item.Transitions.ShouldHaveSingleItem();
        (purchase.Transition, purchase.FromStep, purchase.UserName).ShouldBe((CartFlow.Transitions.Purchased, CartFlow.Steps.Open, Actor.System.Name));
    }

    [Fact]
    public async Task ConvertToOrderLeavesTheCartConvertedOnceWithOnlyTheQuotationQueued()
    {
        var outcome = await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.ConvertToOrder, new Dictionary<string, string?>(), Ann, 0);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        await using var db = _db.CreateDbContext();
        var cart = await db.Carts.SingleAsync(c => c.Id == _db.CartId);
        (cart.Status, cart.OrderId, cart.WorkflowStep).ShouldBe((CartStatus.Purchased, outcome.CreatedOrderId, CartFlow.Steps.Converted));
        (await db.WorkflowItems.SingleAsync(i => i.CartId == _db.CartId)).Transitions.Select(t => t.Transition).ShouldBe([CartFlow.Transitions.ConvertToOrder]);
        var message = (await db.Set<OutboxMessage>().ToListAsync()).ShouldHaveSingleItem();
        (message.DedupeKey, message.To).ShouldBe(($"quotation:cart:{_db.CartId}", "ada@example.com"));
    }

    [Fact]
    public async Task ConvertToOrderIsOneTransactionSoAFailedPurchaseWritesNothing()
    {
        var failing = new ServiceCollection()
            .AddSingleton<IDomainEventHandler<CartPurchased>>(new Failing())
            .BuildServiceProvider();
        var fire = new FireTransition(new Contexts(_db.Path, new DomainEventInterceptor(new DomainEventDispatcher(failing), [])),
            WorkflowRegistry.Default, new WorkflowEmailQueue(NullLogger<WorkflowEmailQueue>.Instance), _db.Time, NullLogger<FireTransition>.Instance);

        await Should.ThrowAsync<InvalidOperationException>(() =>
            fire.RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.ConvertToOrder, new Dictionary<string, string?>(), Ann, 0));

        await using var db = _db.CreateDbContext();
        (await db.Orders.Select(o => o.Id).ToListAsync()).ShouldBe([_db.OrderId]);
        var cart = await db.Carts.SingleAsync(c => c.Id == _db.CartId);
        (cart.Status, cart.OrderId, cart.WorkflowStep).ShouldBe((CartStatus.Open, null, CartFlow.Steps.Open));
        (await db.WorkflowItems.CountAsync()).ShouldBe(0);
        (await db.Activities.CountAsync()).ShouldBe(0);
        (await db.Set<OutboxMessage>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ACartPurchasedBeforePurchasesStartedItsWorkflowShowsConvertedWithNothingToDo()
    {
        // A row from before: purchased, its step stored as Converted by the StoredWorkflowSteps migration, no item.
        await using (var db = _db.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE \"Carts\" SET \"Status\" = 'Purchased', \"OrderId\" = {_db.OrderId}, \"WorkflowStep\" = 'converted' WHERE \"Id\" = {_db.CartId}");

        var panel = (await _db.Panel().RunAsync(WorkflowTarget.Cart(_db.CartId))).ShouldNotBeNull();

        panel.Step.Name.ShouldBe(CartFlow.Steps.Converted);
        panel.Transitions.ShouldBeEmpty();
        await using var check = _db.CreateDbContext();
        (await check.WorkflowItems.CountAsync()).ShouldBe(0, "loading a panel writes nothing");
    }

    private sealed class Failing : IDomainEventHandler<CartPurchased>
    {
        public Task HandleAsync(CartPurchased domainEvent, CommerceDbContext db, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The workflow could not be moved.");
    }

    private sealed class Contexts(string path, DomainEventInterceptor events) : IDbContextFactory<CommerceDbContext>
    {
        public CommerceDbContext CreateDbContext() => TestDatabase.Open(path, events);
    }
}
