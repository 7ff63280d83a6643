using System.Text.Json.Nodes;
using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Workflows;

/// <summary>The storefront API's GET shows the workflow, and a pushed order converts its cart's workflow by itself.</summary>
public abstract class StorefrontWorkflowTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : StorefrontWorkflowTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : StorefrontWorkflowTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private readonly HttpClient _client = factory.CreateStorefrontClient();

    [Fact]
    public async Task GetCartReturnsItsWorkflowStepAndTheTransitionsAManagerCanFire()
    {
        var id = NewId("cart");
        await _client.PutAsync("carts", id, Cart());

        var body = await (await _client.GetRecordAsync("carts", id)).JsonAsync();

        body["workflow"]!["name"]!.GetValue<string>().ShouldBe("abandoned_shopping_cart");
        body["workflow"]!["step"]!.GetValue<string>().ShouldBe("open");
        Names(body["workflow"]!["availableTransitions"]!).ShouldBe(["log_call", "send_email", "convert_to_order", "convert_to_opportunity"]);
    }

    [Fact]
    public async Task GetOrderReturnsItsFollowUpWorkflow()
    {
        var id = NewId("ord");
        await _client.PutAsync("orders", id, Order());

        var body = await (await _client.GetRecordAsync("orders", id)).JsonAsync();

        body["workflow"]!["name"]!.GetValue<string>().ShouldBe("order_follow_up");
        body["workflow"]!["step"]!.GetValue<string>().ShouldBe("not_contacted");
        Names(body["workflow"]!["availableTransitions"]!).ShouldBe(["send_email", "log_call"]);
    }

    [Fact]
    public async Task AnOrderPlacedFromAContactedCartMovesItsWorkflowToConverted()
    {
        var cartId = NewId("cart");
        await _client.PutAsync("carts", cartId, Cart());
        var cart = await CartIdOf(cartId);
        var call = await factory.Services.GetRequiredService<FireTransition>().RunAsync(WorkflowTarget.Cart(cart), "log_call",
            WorkflowDatabase.CallForm(), new Actor("user-ann", "Ann"), expectedVersion: 0);
        call.Succeeded.ShouldBeTrue();

        await _client.PutAsync("orders", NewId("ord"), Order(cart: cartId));

        var body = await (await _client.GetRecordAsync("carts", cartId)).JsonAsync();
        body["status"]!.GetValue<string>().ShouldBe("purchased");
        body["workflow"]!["step"]!.GetValue<string>().ShouldBe("converted");
        body["workflow"]!["availableTransitions"]!.AsArray().ShouldBeEmpty();
        await using var db = factory.CreateDbContext();
        var item = await db.WorkflowItems.SingleAsync(i => i.CartId == cart);
        item.Transitions.Select(t => t.Transition).ShouldBe(["log_call", "purchased"]);
    }

    [Fact]
    public async Task ACartArrivingAfterItsOrderIsConvertedAtOnce()
    {
        var cartId = NewId("cart");
        await _client.PutAsync("orders", NewId("ord"), Order(cart: cartId));

        await _client.PutAsync("carts", cartId, Cart());

        var body = await (await _client.GetRecordAsync("carts", cartId)).JsonAsync();
        body["workflow"]!["step"]!.GetValue<string>().ShouldBe("converted");
    }

    [Fact]
    public async Task ConvertingACartToAnOpportunityShowsTheOpportunityOnTheCart()
    {
        var cartId = NewId("cart");
        await _client.PutAsync("carts", cartId, Cart());
        var cart = await CartIdOf(cartId);

        var outcome = await factory.Services.GetRequiredService<FireTransition>().RunAsync(WorkflowTarget.Cart(cart), "convert_to_opportunity",
            new Dictionary<string, string?>(), new Actor("user-ann", "Ann"), expectedVersion: 0);

        var body = await (await _client.GetRecordAsync("carts", cartId)).JsonAsync();
        body["opportunityId"]!.GetValue<long>().ShouldBe(outcome.CreatedOpportunityId!.Value);
        body["workflow"]!["step"]!.GetValue<string>().ShouldBe("converted_to_opportunity");
        Names(body["workflow"]!["availableTransitions"]!).ShouldBe(["reopen"]);
    }

    [Fact]
    public async Task ConvertToOrderQueuesTheQuotationRenderedWithTheQuotationTemplate()
    {
        var cartId = NewId("cart");
        await _client.PutAsync("carts", cartId, Cart());
        var cart = await CartIdOf(cartId);

        var outcome = await factory.Services.GetRequiredService<FireTransition>().RunAsync(WorkflowTarget.Cart(cart), "convert_to_order",
            new Dictionary<string, string?>(), new Actor("user-ann", "Ann"), expectedVersion: 0);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        await using var db = factory.CreateDbContext();
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.DedupeKey == $"quotation:cart:{cart}");
        message.To.ShouldBe("ada@example.com");
        message.Subject.ShouldBe($"Your quotation Q-{cart} from Web shop".Replace("Web shop", await db.Channels.Select(c => c.Name).SingleAsync()));
        message.TextBody.ShouldContain("Total: 24.90 EUR");
        var email = await db.Activities.OfType<EmailActivity>().SingleAsync(a => a.CartId == cart);
        (email.Status, email.OutboxKey).ShouldBe((EmailActivityStatus.Queued, message.DedupeKey));
        var log = await factory.Services.GetRequiredService<LoadActivityLog>().ForRecordAsync(WorkflowTarget.Cart(cart));
        log.Single(e => e.Kind == ActivityLogKind.Email).Details!.ShouldContain("To ada@example.com · Pending");
    }

    private async Task<long> CartIdOf(string externalId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Carts.Where(c => c.ExternalId == externalId).Select(c => c.Id).SingleAsync();
    }

    private static List<string> Names(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
