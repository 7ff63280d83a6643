using CommerceDesk.Web.Storefront.Carts;
using CommerceDesk.Web.Storefront.Customers;
using CommerceDesk.Web.Storefront.Infrastructure;
using CommerceDesk.Web.Storefront.Orders;
using CommerceDesk.Web.Storefront.Products;
using CommerceDesk.Web.Storefront.Validation;
using Scalar.AspNetCore;

namespace CommerceDesk.Web.Storefront;

/// <summary>The storefront REST API v1 (DESIGN §9): upserts and reads of customers, carts and orders per channel.</summary>
public static class StorefrontApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddStorefrontApi(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddProblemDetails();
        services.Configure<ProblemDetailsOptions>(options =>
        {
            // Routing answers a wrong content type before our handlers run; give that 415 a reason too.
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType
                    && context.HttpContext.Request.Path.StartsWithSegments("/api/v1"))
                    context.ProblemDetails.Detail ??= "Send the body as application/json.";
            };
        });
        services.ConfigureHttpJsonOptions(options => StorefrontJson.Configure(options.SerializerOptions));
        services.AddSingleton(ChannelKeyResolver.FromServices);
        services.AddOptions<StorefrontOptions>()
            .BindConfiguration(StorefrontOptions.Section)
            .Validate(o => o.WriteQueueLimit >= 1, "Storefront:WriteQueueLimit must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<StorefrontWriter>();
        services.AddSingleton<GroupCommitQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<GroupCommitQueue>());
        services.AddSingleton<UpsertCustomer>();
        services.AddSingleton<UpsertCart>();
        services.AddSingleton<UpsertOrder>();
        services.AddSingleton<UpsertProduct>();
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
        });
        return services;
    }

    public static WebApplication MapStorefrontApi(this WebApplication app)
    {
        var channel = app.MapGroup("/api/v1/channels/{channel}")
            .WithTags("Storefront")
            .AddEndpointFilter<StorefrontErrorFilter>()
            .AddEndpointFilter<ApiKeyFilter>()
            .AddEndpointFilter<RouteValueFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        channel.MapCustomers();
        channel.MapCarts();
        channel.MapOrders();
        channel.MapProducts();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", options => options.WithTitle("CommerceDesk Storefront API"));
        return app;
    }
}
