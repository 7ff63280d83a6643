using CommerceDesk.Data;
using CommerceDesk.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Products;

/// <summary>
/// Creates or updates a pushed product. Its stock counts change set-based under orders (see the stock ledger), which
/// bumps the product's version: a push racing one fails its version check and the storefront writer runs it again.
/// </summary>
internal sealed class UpsertProduct(TimeProvider time)
{
    public async Task<(ProductView View, bool Created)> RunAsync(
        CommerceDbContext db, long channelId, string sku, ProductRequest request, DateTime updatedAt, CancellationToken ct)
    {
        var currency = await db.Channels.Where(c => c.Id == channelId).Select(c => c.Currency).SingleAsync(ct);
        var product = await db.Products.SingleOrDefaultAsync(p => p.ChannelId == channelId && p.ExternalId == sku, ct);
        var created = product is null;
        if (product is null)
        {
            product = new Product(channelId, sku, request.ToDetails(currency), updatedAt, time.GetUtcNow().UtcDateTime);
            db.Products.Add(product);
        }
        else if (!product.Update(request.ToDetails(currency), updatedAt))
        {
            return (ProductView.Of(product, applied: false), false);
        }
        await db.SaveChangesAsync(ct);
        return (ProductView.Of(product, applied: true), created);
    }
}
