using System.Net;
using System.Text.Json.Nodes;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

public abstract class ProductEndpointTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ProductEndpointTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ProductEndpointTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private readonly HttpClient _client = factory.CreateStorefrontClient();

    private static JsonObject Product(int version = 1, string name = "Blue mug", decimal price = 12.5m, int onHand = 7) => new()
    {
        ["name"] = name, ["price"] = price, ["onHand"] = onHand, ["updatedAt"] = T0.AddMinutes(version).ToString("O"),
    };

    [Fact]
    public async Task PutProductCreatesItInTheChannelsCurrency()
    {
        var sku = NewId("sku");

        var response = await _client.PutAsync("products", sku, Product());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/channels/web/products/{sku}");
        var body = await response.JsonAsync();
        body["sku"]!.GetValue<string>().ShouldBe(sku);
        body["price"]!.GetValue<decimal>().ShouldBe(12.5m);
        body["currency"]!.GetValue<string>().ShouldBe("EUR");
        (body["onHand"]!.GetValue<int>(), body["reserved"]!.GetValue<int>(), body["available"]!.GetValue<int>()).ShouldBe((7, 0, 7));
        body["applied"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task PutProductUpdatesANewerVersionAndGetReturnsIt()
    {
        var sku = NewId("sku");
        await _client.PutAsync("products", sku, Product(version: 1));

        var update = await _client.PutAsync("products", sku, Product(version: 2, name: "Red mug", onHand: 3));
        var read = await (await _client.GetRecordAsync("products", sku)).JsonAsync();

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        (read["name"]!.GetValue<string>(), read["onHand"]!.GetValue<int>()).ShouldBe(("Red mug", 3));
        read.ContainsKey("applied").ShouldBeFalse();
    }

    [Fact]
    public async Task AStalePushIsAcknowledgedAndChangesNothing()
    {
        var sku = NewId("sku");
        await _client.PutAsync("products", sku, Product(version: 5, onHand: 9));

        var stale = await _client.PutAsync("products", sku, Product(version: 4, name: "Old name", onHand: 1));

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await stale.JsonAsync();
        body["applied"]!.GetValue<bool>().ShouldBeFalse();
        (body["name"]!.GetValue<string>(), body["onHand"]!.GetValue<int>()).ShouldBe(("Blue mug", 9));
    }

    [Fact]
    public async Task InvalidFieldsAreAProblemNamingEachFieldAndStoreNothing()
    {
        var sku = NewId("sku");
        var body = new JsonObject { ["name"] = " ", ["price"] = -1m, ["onHand"] = -3 };

        var response = await _client.PutAsync("products", sku, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["name", "onHand", "price", "updatedAt"]);
        errors["price"]![0]!.GetValue<string>().ShouldBe("Must not be negative.");
        await using var db = factory.CreateDbContext();
        (await db.Products.AnyAsync(p => p.ExternalId == sku)).ShouldBeFalse();
    }

    [Fact]
    public async Task APriceWithMoreThanFourDecimalsIsRefusedNotRounded()
    {
        var response = await _client.PutAsync("products", NewId("sku"), Product(price: 1.23456m));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]!["price"]![0]!.GetValue<string>().ShouldStartWith("Must have at most 4 decimals");
    }

    [Fact]
    public async Task AnUnknownChannelIsNotFound()
    {
        var response = await _client.PutAsync("products", NewId("sku"), Product(), channel: "no-such-shop");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.JsonAsync())["title"]!.GetValue<string>().ShouldBe("Unknown channel.");
    }

    [Fact]
    public async Task WithoutAnApiKeyTheProductIsRefused()
    {
        var sku = NewId("sku");
        using var anonymous = factory.CreateClient();

        var put = await anonymous.PutAsync("products", sku, Product());
        var get = await anonymous.GetRecordAsync("products", sku);

        put.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        get.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var db = factory.CreateDbContext();
        (await db.Products.AnyAsync(p => p.ExternalId == sku)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUnknownProductIsNotFound() =>
        (await _client.GetRecordAsync("products", NewId("sku"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task ACartsNewSkusBecomeProductsWithTheLinesNameAndPriceAndNothingOnHand()
    {
        var sku = NewId("sku");
        var cart = Cart();
        cart["items"] = new JsonArray(Line(sku, 2, 7.25m));

        (await _client.PutAsync("carts", NewId("cart"), cart)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var product = await (await _client.GetRecordAsync("products", sku)).JsonAsync();
        (product["name"]!.GetValue<string>(), product["price"]!.GetValue<decimal>(), product["onHand"]!.GetValue<int>()).ShouldBe(($"Product {sku}", 7.25m, 0));
        product["updatedAt"].ShouldBeNull();
        // The storefront's first push of the product itself then applies, whatever its time.
        (await (await _client.PutAsync("products", sku, Product(version: -100000, onHand: 4))).JsonAsync())["applied"]!.GetValue<bool>().ShouldBeTrue();
    }
}
