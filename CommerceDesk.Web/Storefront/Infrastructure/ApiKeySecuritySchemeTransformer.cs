using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>Describes the X-Api-Key header in the OpenAPI document so Scalar and client generators send it.</summary>
internal sealed class ApiKeySecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "StorefrontApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CommerceDesk Storefront API";
        document.Info.Description =
            "Storefronts push customers, carts and orders by their own external ids. Every call needs the channel's API key " +
            "in the X-Api-Key header. Errors are RFC 7807 problem details with field errors. A cart's or order's GET returns its back-office " +
            "view: its workflow (name, current step, the transitions a manager can fire now) and the id of the CRM opportunity made " +
            "from it (null while there is none). When more writes wait than the database can take, an upsert answers 503 " +
            "with Retry-After and stores nothing: send it again after that many seconds.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "The channel's storefront API key (stored hashed; ask an admin for a new one).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
