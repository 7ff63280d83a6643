using CommerceDesk.Data;
using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using OrderFlow = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Tests.Workflows;

/// <summary>What transitions create is stored and read back whole: history, activities, quotations, opportunities, feedback.</summary>
public abstract class WorkflowPersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : WorkflowPersistenceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : WorkflowPersistenceTests(DatabaseProvider.Postgres);

    private static readonly Actor Ann = new("user-ann", "Ann Manager");
    private readonly WorkflowDatabase _db = new(provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ACallIsStoredWithEveryFieldAndTheHistoryLineWithItsFormData()
    {
        var outcome = await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.LogCall, WorkflowDatabase.CallForm("Wants a discount"), Ann, 0);

        outcome.Succeeded.ShouldBeTrue();
        await using var db = _db.CreateDbContext();
        var call = await db.Activities.OfType<CallActivity>().SingleAsync();
        (call.Phone, call.Subject, call.Direction, call.Outcome, call.DurationMinutes, call.Notes, call.CalledAt)
            .ShouldBe(("+44 20 7946 0000", "Shopping cart status refresh", CallDirection.Outbound, CallOutcome.Answered, 3, "Wants a discount",
                new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc)));
        call.CustomerId.ShouldNotBeNull();
        var item = await db.WorkflowItems.SingleAsync();
        (item.CurrentStep, item.Version, item.LastTransitionBy).ShouldBe((CartFlow.Steps.Contacted, 1, "Ann Manager"));
        item.Transitions.ShouldHaveSingleItem().FormData.ShouldContain("Wants a discount");
    }

    [Fact]
    public async Task ConvertToOrderStoresAQuotationAndMarksTheCartPurchasedByIt()
    {
        var outcome = await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.ConvertToOrder, new Dictionary<string, string?>(), Ann, 0);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        await using var db = _db.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == outcome.CreatedOrderId);
        order.CommercialState.ShouldBe(CommercialState.QuotationSent);
        order.CartId.ShouldBe(_db.CartId);
        order.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(2);
        var cart = await db.Carts.SingleAsync(c => c.Id == _db.CartId);
        (cart.Status, cart.OrderId, cart.WorkflowStep).ShouldBe((CartStatus.Purchased, order.Id, CartFlow.Steps.Converted));
        var email = await db.Activities.OfType<EmailActivity>().SingleAsync();
        email.Subject.ShouldBe($"Your quotation {order.Number}");
        // Without a quotation template (none seeded here) the plain quotation is queued.
        (await db.Set<CommerceDesk.Domain.Email.OutboxMessage>().SingleAsync(m => m.DedupeKey == email.OutboxKey)).Subject.ShouldBe(email.Subject);
        var log = await _db.Log().ForRecordAsync(WorkflowTarget.Cart(_db.CartId));
        log[0].Kind.ShouldBe(ActivityLogKind.Transition);
        log[0].Title.ShouldBe("Convert to order");
    }

    [Fact]
    public async Task ConvertToOpportunityStoresItWithItsStageHistory()
    {
        var outcome = await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.ConvertToOpportunity, new Dictionary<string, string?>(), Ann, 0);

        await using var db = _db.CreateDbContext();
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == outcome.CreatedOpportunityId);
        (opportunity.Name, opportunity.OwnerName, opportunity.Amount, opportunity.SourceCartId)
            .ShouldBe(("Ada Lovelace - cart-1", "Ann Manager", new Money(25m, "EUR"), _db.CartId));
        opportunity.StageHistory.ShouldHaveSingleItem().ToStage.ShouldBe(OpportunityStages.Prospecting);
    }

    [Fact]
    public async Task FeedbackIsStoredOnTheOrderAndTheCustomerSeesEveryActivity()
    {
        var fire = _db.Fire();
        var order = WorkflowTarget.Order(_db.OrderId);
        await fire.RunAsync(order, OrderFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann, null);
        await fire.RunAsync(order, OrderFlow.Transitions.NoReply, new Dictionary<string, string?> { ["note"] = "call back after six" }, Ann, null);
        await fire.RunAsync(order, OrderFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann, null);
        (await fire.RunAsync(order, OrderFlow.Transitions.RecordFeedback, new Dictionary<string, string?> { ["rating"] = "4", ["comments"] = "Fast" }, Ann, null))
            .Succeeded.ShouldBeTrue();
        await fire.RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.LogCall, WorkflowDatabase.CallForm(), Ann, null);

        await using var db = _db.CreateDbContext();
        var stored = await db.Orders.SingleAsync(o => o.Id == _db.OrderId);
        (stored.FeedbackRating, stored.FeedbackComments, stored.WorkflowStep).ShouldBe((4, "Fast", OrderFlow.Steps.Contacted));
        var customerId = stored.CustomerId!.Value;
        var log = await _db.Log().ForCustomerAsync(customerId);
        log.Count(e => e.Kind == ActivityLogKind.Call).ShouldBe(3);
        log.ShouldContain(e => e.Kind == ActivityLogKind.Note && e.Details == "No reply: call back after six");
    }

    [Fact]
    public async Task AnOrderEmailIsQueuedInTheOutboxOnceAndTheLogShowsItsDelivery()
    {
        var order = WorkflowTarget.Order(_db.OrderId);
        var outcome = await _db.Fire().RunAsync(order, OrderFlow.Transitions.SendEmail,
            new Dictionary<string, string?> { ["to"] = "ada@example.com", ["subject"] = "Your order", ["body"] = "How was it?\nTell us." }, Ann, 0);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        await using var db = _db.CreateDbContext();
        var message = await db.Set<CommerceDesk.Domain.Email.OutboxMessage>().SingleAsync();
        (message.DedupeKey, message.To, message.Subject, message.TextBody).ShouldBe(($"order-follow-up:{_db.OrderId}", "ada@example.com", "Your order", "How was it?\nTell us."));
        message.HtmlBody.ShouldBe("<p>How was it?<br>Tell us.</p>");
        var log = await _db.Log().ForRecordAsync(order);
        log.Single(e => e.Kind == ActivityLogKind.Email).Details!.ShouldStartWith("To ada@example.com · Pending");
    }

    [Fact]
    public async Task ARefusedTransitionSavesNothing()
    {
        var outcome = await _db.Fire().RunAsync(WorkflowTarget.Cart(_db.CartId), CartFlow.Transitions.Abandon,
            new Dictionary<string, string?> { ["confirm"] = "true", ["note"] = "x" }, Ann, 0);

        outcome.Result.ShouldBe(TransitionResult.Refused);
        outcome.Message.ShouldBe(CartFlow.HasContact.UnmetReason);
        await using var db = _db.CreateDbContext();
        (await db.WorkflowItems.CountAsync()).ShouldBe(0);
        (await db.Activities.CountAsync()).ShouldBe(0);
        (await db.Carts.SingleAsync()).Status.ShouldBe(CartStatus.Open);
    }
}
