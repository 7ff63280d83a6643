using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Stock;

/// <summary>
/// Every SKU a cart or order carries is a product of its channel: an upsert adds the ones not known yet, with the
/// line's name and price and nothing on hand. Two pushes adding the same SKU at once meet the unique (channel, SKU)
/// index; the storefront writer runs the loser again, which then finds the product.
/// </summary>
internal static class ProductCatalog
{
    public static async Task AddMissingAsync(CommerceDbContext db, long channelId, IEnumerable<LineItem> lines, string currency,
        DateTime now, CancellationToken cancellationToken)
    {
        var bySku = lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (bySku.Count == 0) return;
        var skus = bySku.Keys.ToList();
        var known = await db.Products.AsNoTracking().Where(p => p.ChannelId == channelId && skus.Contains(p.ExternalId))
            .Select(p => p.ExternalId).ToListAsync(cancellationToken);
        var pending = db.Products.Local.Where(p => p.ChannelId == channelId).Select(p => p.Sku);
        foreach (var sku in skus.Except(known, StringComparer.Ordinal).Except(pending, StringComparer.Ordinal))
            db.Products.Add(Product.FromLine(channelId, bySku[sku], currency, now));
    }
}
