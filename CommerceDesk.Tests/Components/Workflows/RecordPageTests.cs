using Bunit;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Workflows;
using CommerceDesk.Web.Fulfilment;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CommerceDesk.Web.Crm;
using MudBlazor.Services;
using Flow = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Tests.Components.Workflows;

/// <summary>Cart and order pages show what their workflow recorded: the customer's feedback, the opportunity made.</summary>
public sealed class RecordPageTests : BunitContext, IAsyncLifetime
{
    private static readonly Actor Ann = new("user-ann", "Ann Manager");
    private readonly WorkflowDatabase _db = new();

    public RecordPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLogging();
        Services.AddSingleton<IDbContextFactory<CommerceDbContext>>(_db);
        Services.AddSingleton<TimeProvider>(_db.Time);
        Services.AddWorkflows();
        Services.AddFulfilment();
        Services.AddSingleton<CommerceDesk.Web.Orders.Billing.OrderBilling>();
        Services.AddCrm(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddDisplayTimeZone();
        Services.AddScoped<CommerceDesk.Web.Orders.Statuses.OrderStatusCatalog>(); // status chips read the status table
        AddAuthorization().SetAuthorized("ann@commercedesk.local");
    }

    public Task InitializeAsync() => _db.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task RecordedFeedbackIsShownOnTheOrderAndInItsLogEntry()
    {
        var order = WorkflowTarget.Order(_db.OrderId);
        await FireAsync(order, Flow.Transitions.LogCall, WorkflowDatabase.CallForm());
        await FireAsync(order, Flow.Transitions.RecordFeedback, new() { ["rating"] = "4", ["comments"] = "Quick delivery, packaging could be better." });

        var cut = Render<OrderPage>(p => p.Add(x => x.Id, _db.OrderId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=order-feedback]"));
        var feedback = cut.Find("[data-testid=order-feedback]").TextContent;
        feedback.ShouldContain("Rating 4 of 5");
        feedback.ShouldContain("Quick delivery, packaging could be better.");
        cut.WaitForAssertion(() => cut.Find("[data-testid=activity-log]"));
        cut.FindAll("[data-testid=activity-log] [data-kind=Transition]").Select(e => e.TextContent)
            .ShouldContain(t => t.Contains("Record feedback") && t.Contains("Rating 4 of 5 · Quick delivery, packaging could be better."));
    }

    [Fact]
    public void AnOrderWithoutFeedbackShowsNoFeedbackCard()
    {
        var cut = Render<OrderPage>(p => p.Add(x => x.Id, _db.OrderId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=record-workflow] [data-testid=workflow-step]"));
        cut.FindAll("[data-testid=order-feedback]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ACartConvertedToAnOpportunityShowsItsStageAndCloseDate()
    {
        await FireAsync(WorkflowTarget.Cart(_db.CartId), CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow.Transitions.ConvertToOpportunity, []);

        // The reminder button (its own e-mail services, tested with the reminders) is not what this page test is about.
        ComponentFactories.AddStub<CommerceDesk.Web.Email.Reminders.SendReminderButton>();
        var cut = Render<CommerceDesk.Web.Carts.CartPage>(p => p.Add(x => x.Id, _db.CartId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=cart-opportunity]").TextContent.ShouldBe("Prospecting, closes 2026-12-03"));
        cut.Find("[data-testid=cart-opportunity]").GetAttribute("href").ShouldBe("/opportunities");
    }

    private async Task FireAsync(WorkflowTarget target, string transition, Dictionary<string, string?> form)
    {
        var outcome = await _db.Fire().RunAsync(target, transition, form, Ann, expectedVersion: null);
        outcome.Succeeded.ShouldBeTrue(outcome.Message);
    }
}
