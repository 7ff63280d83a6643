using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using OrderFlow = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Tests.Workflows;

/// <summary>The grids' workflow step filter on a real SQLite file, including records whose workflow never moved.</summary>
public abstract class WorkflowStepColumnTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : WorkflowStepColumnTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : WorkflowStepColumnTests(DatabaseProvider.Postgres);

    private static readonly Actor Ann = new("user-ann", "Ann");
    private readonly WorkflowDatabase _db = new(provider);
    private long _purchasedCartId;
    private long _abandonedCartId;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await using var db = _db.CreateDbContext();
        var channelId = await db.Channels.Select(c => c.Id).SingleAsync();
        var purchased = new CartBuilder().InChannel(channelId).WithExternalId("bought").WithItem("A", 1).Build();
        var abandoned = new CartBuilder().InChannel(channelId).WithExternalId("gone").WithItem("A", 1).Build();
        db.AddRange(purchased, abandoned);
        await db.SaveChangesAsync();
        purchased.MarkPurchased(await db.Orders.Select(o => o.Id).SingleAsync());
        await db.SaveChangesAsync();
        (_purchasedCartId, _abandonedCartId) = (purchased.Id, abandoned.Id);

        var fire = _db.Fire();
        await fire.RunAsync(WorkflowTarget.Cart(_abandonedCartId), CartFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann, null);
        await fire.RunAsync(WorkflowTarget.Cart(_abandonedCartId), CartFlow.Transitions.Abandon, new Dictionary<string, string?> { ["confirm"] = "true", ["note"] = "gone" }, Ann, null);
        await fire.RunAsync(WorkflowTarget.Order(_db.OrderId), OrderFlow.Transitions.SendEmail, new Dictionary<string, string?> { ["to"] = "ada@example.com", ["subject"] = "Hi", ["body"] = "Thanks" }, Ann, null);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task CartsFilterByStepCountingUntouchedCartsAsOpenAndPurchasedOnesAsConverted()
    {
        await using var db = _db.CreateDbContext();

        (await Ids(db.Carts.WhereWorkflowStep(CartFlow.Steps.Open))).ShouldBe([_db.CartId]);
        (await Ids(db.Carts.WhereWorkflowStep(CartFlow.Steps.Converted))).ShouldBe([_purchasedCartId]);
        (await Ids(db.Carts.WhereWorkflowStep(CartFlow.Steps.Abandoned))).ShouldBe([_abandonedCartId]);
        (await Ids(db.Carts.WhereWorkflowStep(CartFlow.Steps.Contacted))).ShouldBeEmpty();
        var abandoned = await db.Carts.SingleAsync(c => c.Id == _abandonedCartId);
        (abandoned.WorkflowStep, abandoned.Status).ShouldBe((CartFlow.Steps.Abandoned, CartStatus.Lost));
        WorkflowStepColumn.CartStepLabel(null).ShouldBe("Open");
        WorkflowStepColumn.CartStepLabel(abandoned.WorkflowStep).ShouldBe("Abandoned");
    }

    [Fact]
    public async Task OrdersFilterByStep()
    {
        await using var db = _db.CreateDbContext();

        (await db.Orders.WhereWorkflowStep(OrderFlow.Steps.Emailed).Select(o => o.Id).ToListAsync()).ShouldBe([_db.OrderId]);
        (await db.Orders.WhereWorkflowStep(OrderFlow.Steps.NotContacted).CountAsync()).ShouldBe(0);
        WorkflowStepColumn.OrderStepLabel(null).ShouldBe("Not contacted");
    }

    private static Task<List<long>> Ids(IQueryable<Cart> carts) => carts.Select(c => c.Id).OrderBy(id => id).ToListAsync();
}
