using System.Net;
using CommerceDesk.Tests.Support;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

public abstract class StorefrontEndpointTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : StorefrontEndpointTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : StorefrontEndpointTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private readonly HttpClient _client = factory.CreateStorefrontClient();

    [Fact]
    public async Task PutCustomerCreatesItWithAnAccountOfItsName()
    {
        var id = NewId("cus");

        var response = await _client.PutAsync("customers", id, Customer());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/channels/web/customers/{id}");
        var body = await response.JsonAsync();
        body["externalId"]!.GetValue<string>().ShouldBe(id);
        body["email"]!.GetValue<string>().ShouldBe("ada@example.com");
        body["applied"]!.GetValue<bool>().ShouldBeTrue();
        var accountId = body["accountId"]!.GetValue<long>();
        await using var db = factory.CreateDbContext();
        db.Accounts.Single(a => a.Id == accountId).Name.ShouldBe("Ada Lovelace");
    }

    [Fact]
    public async Task GuestCustomerGetsNoAccount()
    {
        var id = NewId("cus");

        var body = await (await _client.PutAsync("customers", id, Customer(isGuest: true))).JsonAsync();

        body["accountId"].ShouldBeNull();
        body["isGuest"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task PutCustomerUpdatesANewerVersionAndGetReturnsIt()
    {
        var id = NewId("cus");
        await _client.PutAsync("customers", id, Customer(version: 1));

        var update = await _client.PutAsync("customers", id, Customer(version: 2, email: "ada@lovelace.org"));
        var read = await _client.GetRecordAsync("customers", id);

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await read.JsonAsync();
        body["email"]!.GetValue<string>().ShouldBe("ada@lovelace.org");
        body.ContainsKey("applied").ShouldBeFalse();
    }

    [Fact]
    public async Task PutCartCreatesItWithTotalsAndCamelCaseEnums()
    {
        var id = NewId("cart");

        var response = await _client.PutAsync("carts", id, Cart(quantity: 2, step: "shipping"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        body["subtotal"]!.GetValue<decimal>().ShouldBe(44.80m);
        body["itemCount"]!.GetValue<int>().ShouldBe(3);
        body["checkoutStep"]!.GetValue<string>().ShouldBe("shipping");
        body["status"]!.GetValue<string>().ShouldBe("open");
        body["crmSync"]!["status"]!.GetValue<string>().ShouldBe("notSynced");
        body["workflow"].ShouldBeNull();
        body["opportunityId"].ShouldBeNull();
    }

    [Fact]
    public async Task PutCartUpdatesItsItemsAndGetReturnsTheBackOfficeView()
    {
        var id = NewId("cart");
        await _client.PutAsync("carts", id, Cart(version: 1, quantity: 1));

        var update = await _client.PutAsync("carts", id, Cart(version: 2, quantity: 5, step: "payment"));
        var body = await (await _client.GetRecordAsync("carts", id)).JsonAsync();

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        body["items"]!.AsArray()[0]!["quantity"]!.GetValue<int>().ShouldBe(5);
        body["checkoutStep"]!.GetValue<string>().ShouldBe("payment");
        body["status"]!.GetValue<string>().ShouldBe("open");
        body.ContainsKey("crmSync").ShouldBeTrue();
    }

    [Fact]
    public async Task PutOrderCreatesItAwaitingPayment()
    {
        var id = NewId("ord");

        var response = await _client.PutAsync("orders", id, Order());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        body["number"]!.GetValue<string>().ShouldBe("SO-1001");
        body["paymentStatus"]!.GetValue<string>().ShouldBe("pending");
        body["commercialState"]!.GetValue<string>().ShouldBe("quotationSent");
        body["status"]!.GetValue<string>().ShouldBe("Incoming");
        body["paymentMethod"]!["kind"]!.GetValue<string>().ShouldBe("online");
    }

    [Fact]
    public async Task PaidOnlineOrderUpdateBecomesASalesOrder()
    {
        var id = NewId("ord");
        await _client.PutAsync("orders", id, Order(version: 1));

        var update = await _client.PutAsync("orders", id, Order(version: 2, paymentStatus: "paid"));
        var body = await (await _client.GetRecordAsync("orders", id)).JsonAsync();

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        body["paymentStatus"]!.GetValue<string>().ShouldBe("paid");
        body["commercialState"]!.GetValue<string>().ShouldBe("salesOrder");
    }

    [Fact]
    public async Task PaidOfflineOrderWaitsForAManager()
    {
        var id = NewId("ord");

        var body = await (await _client.PutAsync("orders", id, Order(paymentStatus: "paid", kind: "offline"))).JsonAsync();

        body["commercialState"]!.GetValue<string>().ShouldBe("quotationSent");
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("carts")]
    [InlineData("orders")]
    public async Task GetOfAnUnknownRecordIsANotFoundProblem(string resource)
    {
        var response = await _client.GetRecordAsync(resource, "never-sent");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().ShouldContain("never-sent");
    }

    [Fact]
    public async Task StalePushIsAcknowledgedAndIgnored()
    {
        var id = NewId("cus");
        await _client.PutAsync("customers", id, Customer(version: 5, email: "new@example.com"));

        var stale = await _client.PutAsync("customers", id, Customer(version: 4, email: "old@example.com"));

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await stale.JsonAsync();
        body["applied"]!.GetValue<bool>().ShouldBeFalse();
        body["email"]!.GetValue<string>().ShouldBe("new@example.com");
    }
}
