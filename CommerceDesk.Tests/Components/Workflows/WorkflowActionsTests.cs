using Bunit;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Tests.Workflows;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Cart = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using Order = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Tests.Components.Workflows;

/// <summary>The workflow buttons on a real SQLite file: which show, which are disabled and why.</summary>
public sealed class WorkflowActionsTests : BunitContext, IAsyncLifetime
{
    private static readonly Actor Ann = new("user-ann", "Ann Manager");
    private readonly WorkflowDatabase _db = new();

    public WorkflowActionsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLogging();
        Services.AddSingleton<IDbContextFactory<CommerceDbContext>>(_db);
        Services.AddSingleton<TimeProvider>(_db.Time);
        Services.AddWorkflows();
        Services.AddDisplayTimeZone();
        var auth = AddAuthorization();
        auth.SetAuthorized("ann@commercedesk.local");
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Ann.UserId),
            new System.Security.Claims.Claim(CurrentActor.DisplayNameClaim, Ann.Name));
    }

    public Task InitializeAsync() => _db.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void AnUncontactedCartShowsItsButtonsWithAbandonDisabledAndTheReasonAsTooltip()
    {
        var cut = RenderActions(WorkflowTarget.Cart(_db.CartId));

        Labels(cut).ShouldBe(["Log call", "Send email", "Convert to order", "Convert to opportunity", "Abandon"]);
        Button(cut, Cart.Transitions.Abandon).HasAttribute("disabled").ShouldBeTrue();
        Button(cut, Cart.Transitions.LogCall).HasAttribute("disabled").ShouldBeFalse();
        cut.FindComponents<MudTooltip>().ShouldHaveSingleItem().Instance.Text.ShouldBe(Cart.HasContact.UnmetReason);
        // Keyboard and screen-reader users get the same reason.
        var describedBy = Button(cut, Cart.Transitions.Abandon).GetAttribute("aria-describedby");
        cut.Find($"#{describedBy}").TextContent.ShouldBe(Cart.HasContact.UnmetReason);
        cut.Find("[data-testid=workflow-step]").TextContent.ShouldContain("Open");
    }

    [Fact]
    public async Task AContactedCartEnablesAbandon()
    {
        await Fire(WorkflowTarget.Cart(_db.CartId), Cart.Transitions.LogCall, WorkflowDatabase.CallForm());

        var cut = RenderActions(WorkflowTarget.Cart(_db.CartId));

        Button(cut, Cart.Transitions.Abandon).HasAttribute("disabled").ShouldBeFalse();
        cut.FindComponents<MudTooltip>().ShouldBeEmpty();
        cut.Find("[data-testid=workflow-step]").TextContent.ShouldContain("Contacted");
    }

    [Fact]
    public async Task AnAbandonedCartOffersOnlyReopen()
    {
        var cart = WorkflowTarget.Cart(_db.CartId);
        await Fire(cart, Cart.Transitions.LogCall, WorkflowDatabase.CallForm());
        await Fire(cart, Cart.Transitions.Abandon, new() { ["confirm"] = "true", ["note"] = "Bought elsewhere" });

        var cut = RenderActions(cart);

        Labels(cut).ShouldBe(["Reopen"]);
    }

    [Fact]
    public void ANewOrderOffersSendEmailAndLogCall()
    {
        var cut = RenderActions(WorkflowTarget.Order(_db.OrderId));

        Labels(cut).ShouldBe(["Send email", "Log call"]);
        cut.FindAll("button[data-transition]").ShouldAllBe(b => !b.HasAttribute("disabled"));
    }

    [Fact]
    public async Task AnOrderAlreadyEmailedShowsSendEmailDisabledWithTheReason()
    {
        var order = WorkflowTarget.Order(_db.OrderId);
        await Fire(order, Order.Transitions.SendEmail, new() { ["to"] = "ada@example.com", ["subject"] = "Hi", ["body"] = "Thanks" });
        await Fire(order, Order.Transitions.LogCall, WorkflowDatabase.CallForm());
        await Fire(order, Order.Transitions.NoReply, new() { ["note"] = "answering machine" });

        var cut = RenderActions(order);

        Labels(cut).ShouldBe(["Send email", "Log call"]);
        Button(cut, Order.Transitions.SendEmail).HasAttribute("disabled").ShouldBeTrue();
        cut.FindComponents<MudTooltip>().ShouldHaveSingleItem().Instance.Text.ShouldBe(Order.NotEmailedYet.UnmetReason);
    }

    [Fact]
    public async Task AnOrderWithFeedbackHasNoButtonsLeft()
    {
        var order = WorkflowTarget.Order(_db.OrderId);
        await Fire(order, Order.Transitions.LogCall, WorkflowDatabase.CallForm());
        await Fire(order, Order.Transitions.RecordFeedback, new() { ["rating"] = "5" });

        var cut = RenderActions(order);

        cut.FindAll("button[data-transition]").ShouldBeEmpty();
        cut.Markup.ShouldContain("the workflow is finished");
    }

    [Fact]
    public async Task AManagerOpensTheRecordsWorkflowDiagramWithItsCurrentStepFilled()
    {
        await Fire(WorkflowTarget.Cart(_db.CartId), Cart.Transitions.LogCall, WorkflowDatabase.CallForm());
        var cut = Render(Host(WorkflowTarget.Cart(_db.CartId)));
        cut.WaitForElement("[data-testid=open-workflow-diagram]");

        cut.Find("[data-testid=open-workflow-diagram]").Click();

        cut.WaitForElement("[data-testid=workflow-svg]");
        cut.Find("[data-testid=workflow-svg] g[data-current=true]").GetAttribute("data-step-label").ShouldBe("Contacted");
        cut.Find(".mud-dialog").TextContent.ShouldContain("Current step: Contacted");
    }

    [Fact]
    public void LoggingACallThroughItsDialogMovesTheCartToContacted()
    {
        var cut = Render(Host(WorkflowTarget.Cart(_db.CartId)));

        Button(cut, Cart.Transitions.LogCall).Click();
        cut.WaitForElement("[data-testid=submit]");
        cut.Find("input[data-field=phone]").GetAttribute("value").ShouldBe("+44 20 7946 0000");
        cut.Find("input[data-field=subject]").GetAttribute("value").ShouldBe(Cart.DefaultCallSubject);
        cut.Find("[data-testid=submit]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=workflow-step]").TextContent.ShouldContain("Contacted"));
        Button(cut, Cart.Transitions.Abandon).HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task AbandonWithoutNotesShowsTheFieldErrorsAndChangesNothing()
    {
        var cart = WorkflowTarget.Cart(_db.CartId);
        await Fire(cart, Cart.Transitions.LogCall, WorkflowDatabase.CallForm());
        var cut = Render(Host(cart));

        Button(cut, Cart.Transitions.Abandon).Click();
        cut.WaitForElement("[data-testid=submit]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-error=confirm]").TextContent.ShouldBe("Please confirm."));
        cut.Markup.ShouldContain("Notes is required.");
        cut.Find("[data-testid=confirmation]").TextContent.ShouldContain("Abandon this cart?");
        cut.Find("[data-testid=workflow-step]").TextContent.ShouldContain("Contacted");
    }

    [Fact]
    public async Task AStaleButtonReportsWhoChangedTheCart()
    {
        var cart = WorkflowTarget.Cart(_db.CartId);
        var cut = Render(Host(cart));
        // Another manager logs a call after this page was loaded.
        await Fire(cart, Cart.Transitions.LogCall, WorkflowDatabase.CallForm(), new Actor("user-bob", "Bob Manager"));

        Button(cut, Cart.Transitions.SendEmail).Click();
        cut.WaitForElement("[data-testid=submit]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]").TextContent.ShouldBe("This cart was changed by Bob Manager; reload"));
    }

    private IRenderedComponent<WorkflowActions> RenderActions(WorkflowTarget target)
    {
        var cut = Render<WorkflowActions>(p => p.Add(a => a.Target, target));
        cut.WaitForAssertion(() => cut.Find("[data-testid=workflow-step]"));
        return cut;
    }

    private static RenderFragment Host(WorkflowTarget target) => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<WorkflowActions>(2);
        builder.AddAttribute(3, nameof(WorkflowActions.Target), target);
        builder.CloseComponent();
    };

    private static List<string> Labels(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("button[data-transition]").Select(b => b.TextContent.Trim()).ToList();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<IComponent> cut, string transition)
    {
        cut.WaitForElement($"button[data-transition={transition}]");
        return cut.Find($"button[data-transition={transition}]");
    }

    private async Task Fire(WorkflowTarget target, string transition, Dictionary<string, string?> form, Actor? actor = null)
    {
        var outcome = await _db.Fire().RunAsync(target, transition, form, actor ?? Ann, expectedVersion: null);
        outcome.Succeeded.ShouldBeTrue(outcome.Message);
    }
}
