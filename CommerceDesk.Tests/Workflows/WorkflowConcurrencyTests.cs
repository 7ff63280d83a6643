using CommerceDesk.Data;
using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;

namespace CommerceDesk.Tests.Workflows;

/// <summary>Managers clicking at the same moment on the same record, on a real SQLite file.</summary>
public abstract class WorkflowConcurrencyTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : WorkflowConcurrencyTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : WorkflowConcurrencyTests(DatabaseProvider.Postgres);

    private const int Managers = 6;
    private readonly WorkflowDatabase _db = new(provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ParallelFirstTransitionsOnACartLetExactlyOneWinAndTellTheOthersWho()
    {
        var outcomes = await FireInParallel(i => (Transitions.LogCall, WorkflowDatabase.CallForm($"call by manager {i}")), expectedVersion: 0);

        var winner = outcomes.Where(o => o.Outcome.Succeeded).ShouldHaveSingleItem();
        outcomes.Where(o => !o.Outcome.Succeeded).ShouldAllBe(o =>
            o.Outcome.Result == TransitionResult.Conflict && o.Outcome.Message == $"This cart was changed by Manager {winner.Index}; reload");
        await using var db = _db.CreateDbContext();
        var item = await db.WorkflowItems.SingleAsync(i => i.CartId == _db.CartId);
        item.Transitions.ShouldHaveSingleItem().UserName.ShouldBe($"Manager {winner.Index}");
        (await db.Activities.OfType<CallActivity>().SingleAsync()).Notes.ShouldBe($"call by manager {winner.Index}");
    }

    [Fact]
    public async Task ParallelDifferentTransitionsOnAContactedCartLetExactlyOneWinAndLoseNothing()
    {
        (await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), Transitions.LogCall, WorkflowDatabase.CallForm(), Manager(0), 0)).Succeeded.ShouldBeTrue();

        var outcomes = await FireInParallel(i => i % 2 == 0
            ? (Transitions.Abandon, new Dictionary<string, string?> { ["confirm"] = "true", ["note"] = $"gone {i}" })
            : (Transitions.LogCall, WorkflowDatabase.CallForm($"call {i}")), expectedVersion: 1);

        var winner = outcomes.Where(o => o.Outcome.Succeeded).ShouldHaveSingleItem();
        outcomes.Count(o => o.Outcome.Result == TransitionResult.Conflict).ShouldBe(Managers - 1);
        await using var db = _db.CreateDbContext();
        var item = await db.WorkflowItems.SingleAsync(i => i.CartId == _db.CartId);
        item.Transitions.Count.ShouldBe(2);
        item.Version.ShouldBe(2);
        item.LastTransitionBy.ShouldBe($"Manager {winner.Index}");
        (await db.Activities.CountAsync()).ShouldBe(2);
        var cart = await db.Carts.SingleAsync();
        cart.Status.ShouldBe(winner.Index % 2 == 0 ? CommerceDesk.Domain.Carts.CartStatus.Lost : CommerceDesk.Domain.Carts.CartStatus.Open);
    }

    [Fact]
    public async Task ALosingManagerWhoReloadsCanStillActAndNothingIsLost()
    {
        var fire = _db.Fire();
        var target = WorkflowTarget.Cart(_db.CartId);
        await fire.RunAsync(target, Transitions.LogCall, WorkflowDatabase.CallForm("first"), Manager(1), 0);

        var stale = await fire.RunAsync(target, Transitions.LogCall, WorkflowDatabase.CallForm("second"), Manager(2), 0);
        stale.Message.ShouldBe("This cart was changed by Manager 1; reload");

        var panel = (await _db.Panel().RunAsync(target))!;
        (await fire.RunAsync(target, Transitions.LogCall, WorkflowDatabase.CallForm("second"), Manager(2), panel.Version)).Succeeded.ShouldBeTrue();
        var log = await _db.Log().ForRecordAsync(target);
        log.Count(e => e.Kind == ActivityLogKind.Call).ShouldBe(2);
        log.Count(e => e.Kind == ActivityLogKind.Transition).ShouldBe(2);
    }

    [Fact]
    public async Task TwoContextsSavingTheSameItemVersionCannotBothWin()
    {
        var target = WorkflowTarget.Cart(_db.CartId);
        await _db.Fire().RunAsync(target, Transitions.LogCall, WorkflowDatabase.CallForm(), Manager(0), 0);

        await using var first = _db.CreateDbContext();
        await using var second = _db.CreateDbContext();
        var a = await Load(first);
        var b = await Load(second);
        a.Machine.Fire(Transitions.SendEmail, EmailForm(), Manager(1), _db.Time.GetUtcNow().UtcDateTime);
        b.Machine.Fire(Transitions.SendEmail, EmailForm(), Manager(2), _db.Time.GetUtcNow().UtcDateTime);
        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        async Task<(WorkflowItem Item, WorkflowMachine Machine)> Load(CommerceDesk.Data.CommerceDbContext db)
        {
            var item = await db.WorkflowItems.SingleAsync(i => i.CartId == _db.CartId);
            var cart = await db.Carts.SingleAsync();
            return (item, new WorkflowMachine(Definition, item, WorkflowSubject.For(cart)));
        }
    }

    private static Dictionary<string, string?> EmailForm() => new() { ["to"] = "ada@example.com", ["subject"] = "Hi", ["body"] = "Your cart" };

    private static Actor Manager(int i) => new($"user-{i}", $"Manager {i}");

    private async Task<List<(int Index, TransitionOutcome Outcome)>> FireInParallel(
        Func<int, (string Transition, Dictionary<string, string?> Form)> click, int expectedVersion)
    {
        var fire = _db.Fire();
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(1, Managers).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var (transition, form) = click(i);
            return (i, await fire.RunAsync(WorkflowTarget.Cart(_db.CartId), transition, form, Manager(i), expectedVersion));
        })).ToList();
        start.Set();
        return [.. await Task.WhenAll(tasks)];
    }
}
