using System.Net;
using System.Net.Http.Json;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>External ids may be any text a storefront uses, except control characters, which are refused with a problem.</summary>
public abstract class ExternalIdCharacterTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ExternalIdCharacterTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ExternalIdCharacterTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private readonly HttpClient _client = factory.CreateStorefrontClient();

    public static TheoryData<string> Readable() => ["café-1", "cart-😀", "注文-2026", "שלום-1", "طلب-7", "ünïcödé ß"];

    /// <summary>
    /// A NUL in the body is refused here too; in the path (<c>%00</c>) the server itself refuses it before the app runs,
    /// see <see cref="NulInPathTests"/>.
    /// </summary>
    public static TheoryData<string, string> ControlCharacters() => new()
    {
        { "line feed", "a\nb" }, { "carriage return", "a\rb" }, { "tab", "a\tb" },
        { "bell", "a\u0007b" }, { "delete", "a\u007Fb" }, { "next line (C1)", "a\u0085b" },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public async Task ANonAsciiIdIsCreatedWithAnEncodedLocationThatReadsItBack(string id)
    {
        var response = await _client.PutAsync($"/api/v1/channels/web/carts/{Uri.EscapeDataString(id)}", JsonContent.Create(Cart()));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldBe($"/api/v1/channels/web/carts/{Uri.EscapeDataString(id)}");
        location.All(char.IsAscii).ShouldBeTrue();
        var read = await _client.GetAsync(location);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.JsonAsync())["externalId"]!.GetValue<string>().ShouldBe(id);
    }

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public async Task AnIdWithAControlCharacterInThePathIsRefusedWithAProblem(string name, string id)
    {
        var path = $"/api/v1/channels/web/orders/{Uri.EscapeDataString(id)}";

        var put = await _client.PutAsync(path, JsonContent.Create(Order()));
        var get = await _client.GetAsync(path);

        foreach (var response in new[] { put, get })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", name);
            (await response.JsonAsync())["errors"]!["externalId"].ShouldNotBeNull(name);
        }
        await using var db = factory.CreateDbContext();
        (await db.Orders.AnyAsync(o => o.ExternalId == id)).ShouldBeFalse(name);
    }

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    [InlineData("NUL", "a\0b")]
    public async Task AnIdWithAControlCharacterInTheBodyIsRefusedWithAProblem(string name, string id)
    {
        var order = Order(customer: id);
        order["cartExternalId"] = id;
        var externalId = NewId("ord");

        var response = await _client.PutAsync("orders", externalId, order);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        errors.ContainsKey("customerExternalId").ShouldBeTrue(name);
        errors.ContainsKey("cartExternalId").ShouldBeTrue(name);
        await using var db = factory.CreateDbContext();
        (await db.Orders.AnyAsync(o => o.ExternalId == externalId)).ShouldBeFalse(name);
    }
}
