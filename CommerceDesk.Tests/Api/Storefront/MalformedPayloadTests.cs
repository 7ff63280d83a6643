using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>Every kind of bad input gets a 4xx problem document naming the reason, and no row changes.</summary>
public abstract class MalformedPayloadTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : MalformedPayloadTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : MalformedPayloadTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private const string KnownCart = "known-cart";

    public static TheoryData<string, string, string, string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, int, string>();
        void Add(string name, string resource, string body, int status, string reason, string id = KnownCart, string type = "application/json") =>
            data.Add(name, resource, id, type, body, status, reason);
        string Cart(Action<JsonObject> change) { var c = StorefrontPayloads.Cart(version: 9); change(c); return c.ToJsonString(); }
        string Customer(Action<JsonObject> change) { var c = StorefrontPayloads.Customer(version: 9); change(c); return c.ToJsonString(); }
        string Order(Action<JsonObject> change) { var o = StorefrontPayloads.Order(version: 9); change(o); return o.ToJsonString(); }
        JsonObject FirstItem(JsonObject cart) => cart["items"]!.AsArray()[0]!.AsObject();

        Add("malformed JSON", "carts", "{\"currency\": \"EUR\", \"items\": [", 400, "body");
        Add("JSON array instead of object", "carts", "[1, 2, 3]", 400, "body");
        Add("JSON null", "carts", "null", 400, "body");
        Add("empty body", "carts", "", 400, "body");
        Add("quantity as text", "carts", Cart(c => FirstItem(c)["quantity"] = "two"), 400, "items[0].quantity");
        Add("quantity as number in a string", "carts", Cart(c => FirstItem(c)["quantity"] = "2"), 400, "items[0].quantity");
        Add("zero quantity", "carts", Cart(c => FirstItem(c)["quantity"] = 0), 400, "items[0].quantity");
        Add("negative quantity", "carts", Cart(c => FirstItem(c)["quantity"] = -3), 400, "items[0].quantity");
        Add("negative price", "carts", Cart(c => FirstItem(c)["unitPrice"] = -1.5m), 400, "items[0].unitPrice");
        Add("price out of range", "carts", Cart(c => FirstItem(c)["unitPrice"] = JsonNode.Parse("1e400")), 400, "items[0].unitPrice");
        Add("unit price of 1e15", "carts", Cart(c => FirstItem(c)["unitPrice"] = JsonNode.Parse("1e15")), 400, "items[0].unitPrice");
        Add("unit price above the limit", "carts", Cart(c => FirstItem(c)["unitPrice"] = 100_000_000.0001m), 400, "items[0].unitPrice");
        Add("unit price with five decimals", "carts", Cart(c => FirstItem(c)["unitPrice"] = 19.12345m), 400, "items[0].unitPrice");
        Add("quantity above the limit", "carts", Cart(c => FirstItem(c)["quantity"] = 1_000_001), 400, "items[0].quantity");
        Add("line total above the limit", "carts", Cart(c => c["items"] = new JsonArray(Line("A", 10, 100_000_000m))), 400, "items[0]");
        Add("quantity 100,000 at 92,233,720,368", "orders", Order(o => o["lines"] = new JsonArray(Line("A", 100_000, 92_233_720_368m))), 400, "lines[0].unitPrice");
        Add("two lines of 9e14", "orders", Order(o => o["lines"] = new JsonArray(Line("A", 1, 9e14m), Line("B", 1, 9e14m))), 400, "lines[1].unitPrice");
        Add("largest decimal as unit price", "orders", Order(o => o["lines"]![0]!["unitPrice"] = JsonNode.Parse("79228162514264337593543950335")), 400, "lines[0].unitPrice");
        Add("lines adding up above the limit", "orders", Order(o => o["lines"] = new JsonArray(Line("A", 5, 100_000_000m), Line("B", 5, 100_000_000m))), 400, "lines");
        Add("missing SKU", "carts", Cart(c => FirstItem(c).Remove("sku")), 400, "items[0].sku");
        Add("items not an array", "carts", Cart(c => c["items"] = new JsonObject { ["sku"] = "A" }), 400, "items");
        Add("too many lines", "carts", Cart(c => c["items"] = new JsonArray(Enumerable.Range(0, 501).Select(i => (JsonNode)Line($"S{i}", 1, 1m)).ToArray())), 400, "items");
        Add("unknown currency", "carts", Cart(c => c["currency"] = "XYZ"), 400, "currency");
        Add("missing currency", "carts", Cart(c => c.Remove("currency")), 400, "currency");
        Add("unknown checkout step", "carts", Cart(c => c["checkoutStep"] = "delivery"), 400, "checkoutStep");
        Add("checkout step as integer", "carts", Cart(c => c["checkoutStep"] = 1), 400, "checkoutStep");
        Add("invalid e-mail", "carts", Cart(c => c["email"] = "not-an-email"), 400, "email");
        Add("over-long customer id", "carts", Cart(c => c["customerExternalId"] = new string('c', 101)), 400, "customerExternalId");
        Add("missing updatedAt", "carts", Cart(c => c.Remove("updatedAt")), 400, "updatedAt");
        Add("updatedAt not a date", "carts", Cart(c => c["updatedAt"] = "yesterday"), 400, "updatedAt");
        Add("updatedAt in year 9999", "carts", Cart(c => c["updatedAt"] = "9999-12-31T23:59:59Z"), 400, "updatedAt");
        Add("customer updatedAt in year 9999", "customers", Customer(c => c["updatedAt"] = "9999-12-31T23:59:59Z"), 400, "updatedAt");
        Add("order updatedAt in year 9999", "orders", Order(o => o["updatedAt"] = "9999-12-31T23:59:59Z"), 400, "updatedAt");
        Add("placedAt in year 9999", "orders", Order(o => o["placedAt"] = "9999-12-31T23:59:59Z"), 400, "placedAt");
        Add("external id too long", "carts", Cart(_ => { }), 400, "externalId", id: new string('x', 101));
        Add("over-long first name", "customers", Customer(c => c["firstName"] = new string('a', 101)), 400, "firstName");
        Add("isGuest as text", "customers", Customer(c => c["isGuest"] = "yes"), 400, "isGuest");
        Add("customer as its own parent", "customers", Customer(c => c["parentExternalId"] = KnownCart), 400, "parentExternalId");
        Add("unknown payment status", "orders", Order(o => o["paymentStatus"] = "refunded"), 400, "paymentStatus");
        Add("unknown payment kind", "orders", Order(o => o["paymentMethod"]!["kind"] = "cash"), 400, "paymentMethod.kind");
        Add("missing payment method", "orders", Order(o => o.Remove("paymentMethod")), 400, "paymentMethod");
        Add("order without lines", "orders", Order(o => o["lines"] = new JsonArray()), 400, "lines");
        Add("missing order number", "orders", Order(o => o.Remove("number")), 400, "number");
        Add("missing placedAt", "orders", Order(o => o.Remove("placedAt")), 400, "placedAt");
        Add("wrong content type", "carts", Cart(_ => { }), 415, "unsupported media type", type: "text/plain");
        Add("huge body", "carts", Cart(c => c["email"] = new string('a', 300 * 1024)), 413, "too large");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInputGetsAProblemAndChangesNothing(string name, string resource, string externalId, string contentType, string body, int status, string reason)
    {
        var client = factory.CreateStorefrontClient();
        await client.PutAsync("carts", KnownCart, StorefrontPayloads.Cart(version: 1));
        await client.PutAsync("customers", KnownCart, StorefrontPayloads.Customer(version: 1));
        await client.PutAsync("orders", KnownCart, StorefrontPayloads.Order(version: 1));
        var before = await CountRowsAsync();

        var response = await client.PutAsync($"/api/v1/channels/web/{resource}/{externalId}",
            new StringContent(body, Encoding.UTF8, contentType));

        response.StatusCode.ShouldBe((HttpStatusCode)status, name);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", name);
        var problem = await response.JsonAsync();
        if (status == 400)
            problem["errors"]!.AsObject().ContainsKey(reason).ShouldBeTrue($"{name}: {problem.ToJsonString()}");
        else
            problem["title"]!.GetValue<string>().ShouldContain(reason, Case.Insensitive, name);
        (await CountRowsAsync()).ShouldBe(before, name);
    }

    [Fact]
    public async Task HugeChunkedBodyWithoutALengthIsTooLarge()
    {
        var client = factory.CreateStorefrontClient();
        var endless = new UnseekableStream(new MemoryStream(Encoding.UTF8.GetBytes("{\"email\":\"" + new string('a', 400 * 1024) + "\"}")));
        var content = new StreamContent(endless);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PutAsync("/api/v1/channels/web/carts/chunked", content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task BodyWithoutAContentTypeIsUnsupported()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(StorefrontPayloads.Cart().ToJsonString()));

        var response = await factory.CreateStorefrontClient().PutAsync("/api/v1/channels/web/carts/no-type", content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().ShouldContain("application/json");
    }

    /// <summary>Hides the length so the client streams the body chunked.</summary>
    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private async Task<string> CountRowsAsync()
    {
        await using var db = factory.CreateDbContext();
        var cart = await db.Carts.SingleAsync(c => c.ExternalId == KnownCart);
        var customer = await db.Customers.SingleAsync(c => c.ExternalId == KnownCart);
        var order = await db.Orders.SingleAsync(o => o.ExternalId == KnownCart);
        return string.Join(",",
            await db.Customers.CountAsync(), await db.Carts.CountAsync(), await db.Orders.CountAsync(), await db.Accounts.CountAsync(),
            await db.Database.SqlQueryRaw<int>("SELECT CAST(COUNT(*) AS integer) AS \"Value\" FROM \"CartItems\"").SingleAsync(),
            await db.Database.SqlQueryRaw<int>("SELECT CAST(COUNT(*) AS integer) AS \"Value\" FROM \"OrderLines\"").SingleAsync(),
            cart.Version, cart.SourceUpdatedAt, customer.SourceUpdatedAt, order.Version, order.SourceUpdatedAt);
    }
}
