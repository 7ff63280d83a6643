using System.Net;
using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>The app with a staff address for new-order notices.</summary>
public class StaffNoticeFactory : CommerceDeskFactory
{
    public const string StaffAddress = "orders@shop.example.com";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:StaffAddress", StaffAddress);
        builder.UseSetting("Email:BackOfficeUrl", "https://desk.example.com/");
    }
}

/// <summary>The app with a staff address for new-order notices, on PostgreSQL.</summary>
public sealed class PostgresStaffNoticeFactory : StaffNoticeFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>
/// What a pushed order sets off inside its save: its cart converted once, one confirmation to the customer and one
/// notice to staff, however often and in whatever order the storefront pushes.
/// </summary>
public abstract class OrderPlacedTests(StaffNoticeFactory factory)
{
    public sealed class OnSqlite(StaffNoticeFactory factory) : OrderPlacedTests(factory), IClassFixture<StaffNoticeFactory>;

    public sealed class OnPostgres(PostgresStaffNoticeFactory factory) : OrderPlacedTests(factory), IClassFixture<PostgresStaffNoticeFactory>;

    private readonly HttpClient _client = factory.CreateStorefrontClient();

    [Fact]
    public async Task AnOrderForACartConvertsTheCartOnceAndQueuesOneConfirmationAndOneStaffNotice()
    {
        var (cartId, orderId) = (NewId("cart"), NewId("ord"));
        await _client.PutAsync("carts", cartId, Cart());

        (await _client.PutAsync("orders", orderId, Order(cart: cartId))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await ShouldBeConvertedOnceWithOneOfEachEmailAsync(cartId, orderId);
    }

    [Fact]
    public async Task ARepushedOrderLeavesTheCartAndTheEmailsAsTheyWere()
    {
        var (cartId, orderId) = (NewId("cart"), NewId("ord"));
        await _client.PutAsync("carts", cartId, Cart());
        await _client.PutAsync("orders", orderId, Order(cart: cartId));

        (await (await _client.PutAsync("orders", orderId, Order(cart: cartId))).JsonAsync())["applied"]!.GetValue<bool>().ShouldBeFalse();
        (await (await _client.PutAsync("orders", orderId, Order(version: 2, cart: cartId, paymentStatus: "paid"))).JsonAsync())["applied"]!
            .GetValue<bool>().ShouldBeTrue();

        await ShouldBeConvertedOnceWithOneOfEachEmailAsync(cartId, orderId);
    }

    [Fact]
    public async Task ACartArrivingAfterItsOrderIsConvertedOnceAndTheOrderConfirmedOnce()
    {
        var (cartId, orderId) = (NewId("cart"), NewId("ord"));
        await _client.PutAsync("orders", orderId, Order(cart: cartId));

        await _client.PutAsync("carts", cartId, Cart());
        await _client.PutAsync("carts", cartId, Cart(version: 2));

        await ShouldBeConvertedOnceWithOneOfEachEmailAsync(cartId, orderId);
    }

    [Fact]
    public async Task TheStaffNoticeLinkOpensTheOrderInTheBackOffice()
    {
        var orderId = NewId("ord");
        await _client.PutAsync("orders", orderId, Order());
        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.ExternalId == orderId);
        var notice = await db.Set<OutboxMessage>().SingleAsync(m => m.DedupeKey == $"order-staff-notice:{order.ChannelId}:{orderId}");
        var link = $"https://desk.example.com/orders/placed?channel={order.ChannelId}&order={orderId}";
        notice.TextBody.ShouldContain(link);

        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);
        var response = await manager.GetAsync(new Uri(link).PathAndQuery);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/orders/{order.Id}");
    }

    [Fact]
    public async Task TheStaffNoticeLinkAsksWhoeverIsNotSignedInToSignIn()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/orders/placed?channel=1&order=anything");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    private async Task ShouldBeConvertedOnceWithOneOfEachEmailAsync(string cartExternalId, string orderExternalId)
    {
        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.ExternalId == orderExternalId);
        var cart = await db.Carts.SingleAsync(c => c.ExternalId == cartExternalId);
        (cart.Status, cart.OrderId, cart.WorkflowStep).ShouldBe((CartStatus.Purchased, order.Id, "converted"));
        var item = await db.WorkflowItems.SingleAsync(i => i.CartId == cart.Id);
        item.CurrentStep.ShouldBe("converted");
        item.Transitions.Select(t => t.Transition).ShouldBe(["purchased"]);

        var messages = await db.Set<OutboxMessage>().Where(m => m.DedupeKey.EndsWith($":{order.ChannelId}:{orderExternalId}")).ToListAsync();
        messages.Select(m => (m.DedupeKey, m.To)).OrderBy(m => m.DedupeKey).ShouldBe([
            ($"order-confirmation:{order.ChannelId}:{orderExternalId}", "ada@example.com"),
            ($"order-staff-notice:{order.ChannelId}:{orderExternalId}", StaffNoticeFactory.StaffAddress),
        ]);
        messages.Single(m => m.To == "ada@example.com").Subject.ShouldBe("Order SO-1001 confirmed");
    }
}
