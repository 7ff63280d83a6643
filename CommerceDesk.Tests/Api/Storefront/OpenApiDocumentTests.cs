using System.Net;
using System.Text.Json.Nodes;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Api.Storefront;

// SQLite only: the document is built from the endpoints, which are the same on every database.
public sealed class OpenApiDocumentTests(CommerceDeskFactory factory) : IClassFixture<CommerceDeskFactory>
{
    [Fact]
    public async Task DocumentListsTheEightStorefrontOperationsWithSummaries()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .ToList();
        operations.Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").OrderBy(x => x).ShouldBe(
        [
            "GET /api/v1/channels/{channel}/carts/{externalId}",
            "GET /api/v1/channels/{channel}/customers/{externalId}",
            "GET /api/v1/channels/{channel}/orders/{externalId}",
            "GET /api/v1/channels/{channel}/products/{sku}",
            "PUT /api/v1/channels/{channel}/carts/{externalId}",
            "PUT /api/v1/channels/{channel}/customers/{externalId}",
            "PUT /api/v1/channels/{channel}/orders/{externalId}",
            "PUT /api/v1/channels/{channel}/products/{sku}",
        ]);
        operations.ShouldAllBe(o => !string.IsNullOrWhiteSpace((string?)o.Operation["summary"]));
        operations.Single(o => o.Method == "put" && o.Path.Contains("carts")).Operation["requestBody"].ShouldNotBeNull();
    }

    [Fact]
    public async Task DocumentDescribesTheApiKeyHeader()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var scheme = document["components"]!["securitySchemes"]!.AsObject().Single().Value!;
        ((string?)scheme["type"]).ShouldBe("apiKey");
        ((string?)scheme["in"]).ShouldBe("header");
        ((string?)scheme["name"]).ShouldBe("X-Api-Key");
        document["security"]!.AsArray().Count.ShouldBe(1);
        ((string?)document["info"]!["description"] ?? "").ShouldContain("workflow");
    }

    [Fact]
    public async Task ScalarReferenceIsServed()
    {
        var response = await factory.CreateClient().GetAsync("/scalar/v1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    /// <summary>A GET's text names only fields its answer has, and never calls the workflow null: every cart and order has one.</summary>
    [Theory]
    [InlineData("/api/v1/channels/{channel}/carts/{externalId}", true)]
    [InlineData("/api/v1/channels/{channel}/orders/{externalId}", true)]
    [InlineData("/api/v1/channels/{channel}/customers/{externalId}", false)]
    public async Task EachGetDescribesTheWorkflowAndOpportunityOnlyWhereItsViewHasThem(string path, bool worked)
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var get = document["paths"]![path]!["get"]!;
        var description = (string)get["description"]!;
        var schemaName = ((string)get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!).Split('/')[^1];
        var properties = document["components"]!["schemas"]![schemaName]!["properties"]!.AsObject();
        foreach (var field in new[] { "workflow", "opportunityId" })
        {
            properties.ContainsKey(field).ShouldBe(worked, $"{schemaName}.{field}");
            description.Contains(field, StringComparison.Ordinal).ShouldBe(worked, description);
        }
        if (worked) description.ShouldContain("never null");
    }
}
