using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Workflows;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using OrderFlow = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Tests.Workflows;

/// <summary>The carts and orders grids show and filter the workflow step.</summary>
public abstract class WorkflowGridTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : WorkflowGridTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : WorkflowGridTests(DatabaseProvider.Postgres);

    private static readonly Actor Ann = new("user-ann", "Ann");
    private readonly WorkflowDatabase _db = new(provider);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann, null);
        await _db.Fire().RunAsync(WorkflowTarget.Order(_db.OrderId), OrderFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann, null);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task TheCartsGridFiltersAndShowsTheWorkflowStep()
    {
        await using var db = _db.CreateDbContext();

        var contacted = await new CartGridQuery().RunAsync(db, new CartGridFilter(WorkflowStep: CartFlow.Steps.Contacted), GridPaging.Default);
        var open = await new CartGridQuery().RunAsync(db, new CartGridFilter(WorkflowStep: CartFlow.Steps.Open), GridPaging.Default);

        contacted.Rows.ShouldHaveSingleItem().WorkflowStep.ShouldBe("Contacted");
        open.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task TheOrdersGridFiltersAndShowsTheWorkflowStep()
    {
        await using var db = _db.CreateDbContext();

        var called = await new OrderGridQuery().RunAsync(db, new OrderGridFilter(WorkflowStep: OrderFlow.Steps.Called), GridPaging.Default);

        called.Rows.ShouldHaveSingleItem().WorkflowStep.ShouldBe("Called");
        (await new OrderGridQuery().RunAsync(db, new OrderGridFilter(WorkflowStep: OrderFlow.Steps.NotContacted), GridPaging.Default)).TotalCount.ShouldBe(0);
    }
}
