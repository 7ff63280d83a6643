using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>Valid storefront payloads as JSON objects, to send as they are or to break one field at a time.</summary>
public static class StorefrontPayloads
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public static JsonObject Customer(int version = 1, string email = "ada@example.com", bool isGuest = false, string? parent = null) => new()
    {
        ["email"] = email,
        ["firstName"] = "Ada",
        ["lastName"] = "Lovelace",
        ["phone"] = "+44 20 7946 0000",
        ["parentExternalId"] = parent,
        ["isGuest"] = isGuest,
        ["registeredAt"] = T0.ToString("O"),
        ["updatedAt"] = T0.AddMinutes(version).ToString("O"),
    };

    public static JsonObject Cart(int version = 1, string? customer = null, int quantity = 1, string step = "none") => new()
    {
        ["customerExternalId"] = customer,
        ["email"] = "ada@example.com",
        ["currency"] = "EUR",
        ["items"] = new JsonArray(Line("SKU-1", quantity, 19.90m), Line("SKU-2", 1, 5m)),
        ["checkoutStep"] = step,
        ["updatedAt"] = T0.AddMinutes(version).ToString("O"),
    };

    public static JsonObject Order(int version = 1, string? cart = null, string? customer = null, string paymentStatus = "pending", string kind = "online") => new()
    {
        ["number"] = "SO-1001",
        ["cartExternalId"] = cart,
        ["customerExternalId"] = customer,
        ["email"] = "ada@example.com",
        ["currency"] = "EUR",
        ["lines"] = new JsonArray(Line("SKU-1", 2, 19.90m)),
        ["paymentMethod"] = new JsonObject { ["code"] = "card", ["kind"] = kind },
        ["paymentStatus"] = paymentStatus,
        ["placedAt"] = T0.ToString("O"),
        ["updatedAt"] = T0.AddMinutes(version).ToString("O"),
    };

    public static JsonObject Line(string sku, int quantity, decimal unitPrice) => new()
    {
        ["sku"] = sku, ["name"] = $"Product {sku}", ["quantity"] = quantity, ["unitPrice"] = unitPrice,
    };

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string resource, string externalId, JsonNode body, string channel = "web") =>
        client.PutAsync($"/api/v1/channels/{channel}/{resource}/{externalId}", JsonContent.Create(body));

    public static Task<HttpResponseMessage> GetRecordAsync(this HttpClient client, string resource, string externalId, string channel = "web") =>
        client.GetAsync($"/api/v1/channels/{channel}/{resource}/{externalId}");

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
