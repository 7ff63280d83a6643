using CommerceDesk.Data;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Carts;

internal static class CartEndpoints
{
    public static void MapCarts(this RouteGroupBuilder group)
    {
        group.MapPut("/carts/{externalId}", PutAsync).DescribeUpsert<CartRequest, CartView>("PutCart", "cart");
        group.MapGet("/carts/{externalId}", GetAsync).DescribeGet<CartView>("GetCart", "cart");
    }

    private static async Task<IResult> PutAsync(
        string channel, string externalId, HttpContext http, StorefrontWriter writer, UpsertCart upsert, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CartRequest>(http.Request, ct);
        if (request is null) return problem!;
        var (errors, snapshot) = request.Validate(externalId);
        if (errors.Any) return StorefrontProblems.Validation(errors);

        var channelId = ApiKeyFilter.ChannelId(http);
        var (view, created) = await writer.WriteAsync(
            (db, token) => upsert.RunAsync(db, channelId, externalId, snapshot, request.UpdatedAt!.Value.UtcDateTime, token), ct);
        return StorefrontResults.Upserted(http, view, created);
    }

    private static async Task<IResult> GetAsync(
        string channel, string externalId, HttpContext http, IDbContextFactory<CommerceDbContext> factory, CancellationToken ct)
    {
        var channelId = ApiKeyFilter.ChannelId(http);
        await using var db = await factory.CreateDbContextAsync(ct);
        var cart = await db.Carts.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == externalId, ct);
        return cart is null ? StorefrontProblems.NotFound("cart", externalId) : Results.Ok(CartView.Of(cart));
    }
}
