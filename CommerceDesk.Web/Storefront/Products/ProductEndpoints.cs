using CommerceDesk.Data;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Products;

internal static class ProductEndpoints
{
    public static void MapProducts(this RouteGroupBuilder group)
    {
        group.MapPut("/products/{sku}", PutAsync).DescribeUpsert<ProductRequest, ProductView>("PutProduct", "product");
        group.MapGet("/products/{sku}", GetAsync).WithName("GetProduct")
            .WithSummary("Get a product with its stock")
            .WithDescription("The stored product with its stock as CommerceDesk counts it: onHand, reserved (promised to confirmed orders " +
                             "not shipped yet) and available (onHand − reserved; negative when oversold).")
            .Produces<ProductView>(StatusCodes.Status200OK);
    }

    private static async Task<IResult> PutAsync(
        string channel, string sku, HttpContext http, StorefrontWriter writer, UpsertProduct upsert, TimeProvider time, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<ProductRequest>(http.Request, ct);
        if (request is null) return problem!;
        var errors = request.Validate(sku, time.GetUtcNow());
        if (errors.Any) return StorefrontProblems.Validation(errors);

        var channelId = ApiKeyFilter.ChannelId(http);
        var trimmed = sku.Trim();
        var (view, created) = await writer.WriteAsync(new StorefrontRecordKey(channel, "product", trimmed),
            (db, token) => upsert.RunAsync(db, channelId, trimmed, request, request.UpdatedAt!.Value.UtcDateTime, token), ct);
        return StorefrontResults.Upserted(http, view, created);
    }

    private static async Task<IResult> GetAsync(
        string channel, string sku, HttpContext http, IDbContextFactory<CommerceDbContext> factory, CancellationToken ct)
    {
        var channelId = ApiKeyFilter.ChannelId(http);
        await using var db = await factory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.ChannelId == channelId && p.ExternalId == sku, ct);
        return product is null ? StorefrontProblems.NotFound("product", sku) : Results.Ok(ProductView.Of(product));
    }
}
