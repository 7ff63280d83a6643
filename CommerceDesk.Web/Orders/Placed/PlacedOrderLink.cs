using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Placed;

/// <summary>
/// The staff notice's "Open the order" link. The notice is written in the save that inserts the order, before the
/// order has an id, so the link names it by channel and storefront id and this endpoint sends staff on to its page.
/// </summary>
internal static class PlacedOrderLink
{
    public const string Path = "/orders/placed";

    public static string For(string backOfficeUrl, Order order) =>
        $"{backOfficeUrl.TrimEnd('/')}{Path}?channel={order.ChannelId}&order={Uri.EscapeDataString(order.ExternalId)}";

    public static void MapPlacedOrderLink(this WebApplication app) =>
        app.MapGet(Path, async (long channel, string order, IDbContextFactory<CommerceDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var id = await db.Orders.Where(o => o.ChannelId == channel && o.ExternalId == order).Select(o => (long?)o.Id).SingleOrDefaultAsync(ct);
            return id is { } found ? Results.Redirect($"/orders/{found}") : Results.NotFound();
        });
}
