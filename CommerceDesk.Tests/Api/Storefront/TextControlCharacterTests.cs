using System.Net;
using System.Text.Json.Nodes;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>
/// The storefront's text fields are single lines (names, SKUs, numbers, phone, payment code): a control character in
/// one is refused with a problem naming the field, like in an id. A NUL in particular would reach PostgreSQL, whose
/// text cannot hold it, and fail the save.
/// </summary>
public abstract class TextControlCharacterTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : TextControlCharacterTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : TextControlCharacterTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    public static TheoryData<string, string, string> Fields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var bad in new[] { "\0", "\n" })
        {
            data.Add("carts", "items[0].sku", bad);
            data.Add("carts", "items[0].name", bad);
            data.Add("orders", "lines[0].name", bad);
            data.Add("orders", "number", bad);
            data.Add("orders", "paymentMethod.code", bad);
            data.Add("customers", "firstName", bad);
            data.Add("customers", "lastName", bad);
            data.Add("customers", "phone", bad);
            data.Add("products", "name", bad);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task AControlCharacterInATextFieldIsRefusedWithAProblemAndNothingIsStored(string resource, string field, string bad)
    {
        var client = factory.CreateStorefrontClient();
        JsonObject body = resource switch
        {
            "carts" => Cart(),
            "orders" => Order(),
            "customers" => Customer(),
            _ => new JsonObject { ["name"] = "Mug", ["price"] = 9.5m, ["onHand"] = 3, ["updatedAt"] = T0.ToString("O") },
        };
        JsonNode target = body;
        var path = field.Split('.');
        foreach (var part in path[..^1])
            target = part.EndsWith(']') ? target[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1])]! : target[part]!;
        target[path[^1]] = $"Ab{bad}cd";
        var id = NewId("ctl");

        var response = await client.PutAsync(resource, id, body);

        var why = $"{resource} {field} {(bad == "\0" ? "NUL" : "line feed")}";
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", why);
        (await response.JsonAsync())["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue(why);
        await using var db = factory.CreateDbContext();
        (resource switch
        {
            "carts" => await db.Carts.AnyAsync(c => c.ExternalId == id),
            "orders" => await db.Orders.AnyAsync(o => o.ExternalId == id),
            "customers" => await db.Customers.AnyAsync(c => c.ExternalId == id),
            _ => await db.Products.AnyAsync(p => p.ExternalId == id),
        }).ShouldBeFalse(why);
    }
}
