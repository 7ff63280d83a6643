using System.Net;
using System.Text.Json.Nodes;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>The storefront may send amounts up to the documented limits; the limits are in the OpenAPI document.</summary>
public abstract class AmountLimitTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : AmountLimitTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : AmountLimitTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private readonly HttpClient _client = factory.CreateStorefrontClient();

    [Fact]
    public async Task AnOrderAtTheLimitsIsStoredWithExactAmounts()
    {
        var order = Order();
        order["lines"] = new JsonArray(
            Line("BIG", 8, AmountLimits.MaxUnitPrice),
            Line("MANY", AmountLimits.MaxQuantity, 0.0001m),
            Line("ROUND", 1, 1.5m));
        // Trailing zeros are not extra decimals.
        order["lines"]![2]!["unitPrice"] = JsonNode.Parse("1.50000");

        var response = await _client.PutAsync("orders", NewId("ord"), order);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        body["subtotal"]!.GetValue<decimal>().ShouldBe(800_000_101.5m);
        body["lines"]!.AsArray().Select(l => l!["unitPrice"]!.GetValue<decimal>()).ShouldBe([AmountLimits.MaxUnitPrice, 0.0001m, 1.5m]);
    }

    [Fact]
    public async Task ACartWhoseLinesReachTheRecordCapIsAccepted()
    {
        var cart = Cart();
        cart["items"] = new JsonArray(Line("A", 5, AmountLimits.MaxUnitPrice), Line("B", 4, AmountLimits.MaxUnitPrice));

        var response = await _client.PutAsync("carts", NewId("cart"), cart);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.JsonAsync())["subtotal"]!.GetValue<decimal>().ShouldBe(AmountLimits.MaxTotal);
    }

    [Fact]
    public async Task TheOpenApiDocumentStatesTheLimits()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var line = document["components"]!["schemas"]!["LineRequest"]!["properties"]!;
        ((string)line["quantity"]!["description"]!).ShouldContain(AmountLimits.Format(AmountLimits.MaxQuantity));
        var price = (string)line["unitPrice"]!["description"]!;
        price.ShouldContain(AmountLimits.Format(AmountLimits.MaxUnitPrice));
        price.ShouldContain($"{AmountLimits.MaxDecimals} decimals");
        price.ShouldContain(AmountLimits.Format(AmountLimits.MaxTotal));
        foreach (var (path, operation) in new[] { ("carts", "put"), ("orders", "put") })
        {
            var description = (string)document["paths"]![$"/api/v1/channels/{{channel}}/{path}/{{externalId}}"]![operation]!["description"]!;
            description.ShouldContain(AmountLimits.Format(AmountLimits.MaxTotal));
            description.ShouldContain(AmountLimits.Format(AmountLimits.MaxUnitPrice));
            description.ShouldContain("control characters");
            description.ShouldContain("a day ahead");
        }
    }
}
