using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;

namespace CommerceDesk.Tests.Workflows;

public abstract class MassTransitionTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : MassTransitionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MassTransitionTests(DatabaseProvider.Postgres);

    private static readonly Actor Ann = new("user-ann", "Ann");
    private readonly WorkflowDatabase _db = new(provider);
    private long _uncontactedId;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await using var db = _db.CreateDbContext();
        var cart = new CartBuilder().InChannel(await db.Channels.Select(c => c.Id).SingleAsync()).WithExternalId("quiet").WithItem("A", 1).Build();
        db.Carts.Add(cart);
        await db.SaveChangesAsync();
        _uncontactedId = cart.Id;
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private FireMassTransition MassFire() => new(_db.Fire(), WorkflowRegistry.Default);

    private static Dictionary<string, string?> AbandonForm => new() { ["confirm"] = "true", ["note"] = "Season is over" };

    [Fact]
    public async Task AbandonWithOneSharedNoteMovesTheContactedCartsAndReportsTheSkippedOnes()
    {
        await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann, null);

        var report = await MassFire().RunAsync(WorkflowSubjectType.Cart, [_db.CartId, _uncontactedId, 999_999], CartFlow.Transitions.Abandon, AbandonForm, Ann);

        report.Done.ShouldBe(1);
        report.Skipped.ShouldBe([(_uncontactedId, CartFlow.HasContact.UnmetReason), (999_999, "This cart no longer exists.")]);
        report.Summary("cart").ShouldStartWith("1 cart(s) updated; 2 skipped");
        await using var db = _db.CreateDbContext();
        (await db.Carts.SingleAsync(c => c.Id == _db.CartId)).Status.ShouldBe(CartStatus.Lost);
        (await db.Carts.SingleAsync(c => c.Id == _uncontactedId)).Status.ShouldBe(CartStatus.Open);
        (await db.Activities.OfType<CommerceDesk.Domain.Activities.NoteActivity>().SingleAsync()).Text.ShouldBe("Abandon: Season is over");
    }

    [Fact]
    public async Task OnlyTransitionsWithoutAPerRecordFormRunFromTheGrid()
    {
        var error = await Should.ThrowAsync<DomainException>(() =>
            MassFire().RunAsync(WorkflowSubjectType.Cart, [_db.CartId], CartFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann));

        error.Message.ShouldBe("'Log call' cannot be applied to several records at once.");
    }
}
