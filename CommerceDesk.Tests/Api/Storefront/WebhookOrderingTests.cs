using System.Net;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>Webhooks are retried and reordered; the final state must still be exactly the newest version's.</summary>
public abstract class WebhookOrderingTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : WebhookOrderingTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : WebhookOrderingTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private readonly HttpClient _client = factory.CreateStorefrontClient();

    [Fact]
    public async Task ReorderedAndDuplicatedCartPushesEndInTheNewestVersion()
    {
        var id = NewId("cart");
        var applied = new List<bool>();
        foreach (var (version, quantity) in new[] { (3, 7), (1, 1), (2, 4), (3, 7) })
        {
            var response = await _client.PutAsync("carts", id, Cart(version, quantity: quantity, step: version == 3 ? "payment" : "none"));
            response.IsSuccessStatusCode.ShouldBeTrue();
            applied.Add((await response.JsonAsync())["applied"]!.GetValue<bool>());
        }

        applied.ShouldBe([true, false, false, false]);
        await using var db = factory.CreateDbContext();
        var cart = await db.Carts.SingleAsync(c => c.ExternalId == id);
        cart.Items.Select(i => (i.Sku, i.Quantity)).ShouldBe([("SKU-1", 7), ("SKU-2", 1)]);
        cart.CheckoutStep.ShouldBe(CheckoutStep.Payment);
        cart.SourceUpdatedAt.ShouldBe(T0.AddMinutes(3).UtcDateTime);
        cart.Version.ShouldBe(1);
        (await db.Database.SqlQueryRaw<int>("SELECT CAST(COUNT(*) AS integer) AS \"Value\" FROM \"CartItems\" WHERE \"CartId\" = {0}", cart.Id).SingleAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task ReorderedOrderPushesKeepThePaidVersion()
    {
        var id = NewId("ord");
        await _client.PutAsync("orders", id, Order(version: 2, paymentStatus: "paid"));
        await _client.PutAsync("orders", id, Order(version: 1, paymentStatus: "pending"));
        await _client.PutAsync("orders", id, Order(version: 2, paymentStatus: "paid"));

        var body = await (await _client.GetRecordAsync("orders", id)).JsonAsync();

        body["paymentStatus"]!.GetValue<string>().ShouldBe("paid");
        body["commercialState"]!.GetValue<string>().ShouldBe("salesOrder");
        body["updatedAt"]!.GetValue<DateTime>().ShouldBe(T0.AddMinutes(2).UtcDateTime);
    }

    [Fact]
    public async Task CustomerArrivingAfterItsCartAndOrderLinksThem()
    {
        var (customerId, cartId, orderId) = (NewId("cus"), NewId("cart"), NewId("ord"));
        await _client.PutAsync("carts", cartId, Cart(customer: customerId));
        var orderBefore = await (await _client.PutAsync("orders", orderId, Order(customer: customerId))).JsonAsync();
        orderBefore["customerId"].ShouldBeNull();

        var customer = await (await _client.PutAsync("customers", customerId, Customer())).JsonAsync();

        var id = customer["id"]!.GetValue<long>();
        (await (await _client.GetRecordAsync("carts", cartId)).JsonAsync())["customerId"]!.GetValue<long>().ShouldBe(id);
        (await (await _client.GetRecordAsync("orders", orderId)).JsonAsync())["customerId"]!.GetValue<long>().ShouldBe(id);
    }

    [Fact]
    public async Task CartNamingAKnownCustomerIsLinkedAtOnce()
    {
        var (customerId, cartId) = (NewId("cus"), NewId("cart"));
        var customer = await (await _client.PutAsync("customers", customerId, Customer())).JsonAsync();

        var cart = await (await _client.PutAsync("carts", cartId, Cart(customer: customerId))).JsonAsync();

        cart["customerId"]!.GetValue<long>().ShouldBe(customer["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task ParentArrivingAfterItsChildLinksTheHierarchy()
    {
        var (parentId, childId) = (NewId("cus"), NewId("cus"));
        await _client.PutAsync("customers", childId, Customer(parent: parentId));

        var parent = await (await _client.PutAsync("customers", parentId, Customer())).JsonAsync();

        var child = await (await _client.GetRecordAsync("customers", childId)).JsonAsync();
        child["parentCustomerId"]!.GetValue<long>().ShouldBe(parent["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task OrderPlacedFromAKnownCartMarksTheCartPurchased()
    {
        var (cartId, orderId) = (NewId("cart"), NewId("ord"));
        await _client.PutAsync("carts", cartId, Cart());

        var order = await (await _client.PutAsync("orders", orderId, Order(cart: cartId))).JsonAsync();

        var cart = await (await _client.GetRecordAsync("carts", cartId)).JsonAsync();
        cart["status"]!.GetValue<string>().ShouldBe("purchased");
        cart["orderId"]!.GetValue<long>().ShouldBe(order["id"]!.GetValue<long>());
        order["cartId"]!.GetValue<long>().ShouldBe(cart["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task CartArrivingAfterItsOrderIsLinkedAndPurchased()
    {
        var (cartId, orderId) = (NewId("cart"), NewId("ord"));
        var order = await (await _client.PutAsync("orders", orderId, Order(cart: cartId))).JsonAsync();
        order["cartId"].ShouldBeNull();

        var cart = await (await _client.PutAsync("carts", cartId, Cart())).JsonAsync();

        cart["status"]!.GetValue<string>().ShouldBe("purchased");
        cart["orderId"]!.GetValue<long>().ShouldBe(order["id"]!.GetValue<long>());
        var orderAfter = await (await _client.GetRecordAsync("orders", orderId)).JsonAsync();
        orderAfter["cartId"]!.GetValue<long>().ShouldBe(cart["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task SecondOrderFromAPurchasedCartIsRejectedAndNothingIsWritten()
    {
        var (cartId, firstOrder, secondOrder) = (NewId("cart"), NewId("ord"), NewId("ord"));
        await _client.PutAsync("carts", cartId, Cart());
        await _client.PutAsync("orders", firstOrder, Order(cart: cartId));

        var response = await _client.PutAsync("orders", secondOrder, Order(cart: cartId));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync())["detail"]!.GetValue<string>().ShouldContain("already purchased");
        (await _client.GetRecordAsync("orders", secondOrder)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
