using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Stock;

/// <summary>
/// Books stock movements inside the save that causes them (a domain-event handler's work). Each is one set-based
/// <c>UPDATE Products SET Reserved = Reserved + n …</c>: two nodes confirming orders of the same product at once both
/// count, with no read-modify-write to lose and no version conflict to fail a manager's click or a storefront push
/// (a version token would make the second save fail and need the whole operation retried by every caller). The UPDATE
/// runs at once, so a transaction is begun first when the caller has none: the save then writes in it and commits
/// both together (see <see cref="Data.Interceptors.DomainEventInterceptor"/>), or neither.
/// </summary>
internal static class StockLedger
{
    public static async Task BookAsync(CommerceDbContext db, long channelId, IReadOnlyList<StockMovement> movements,
        IReadOnlyCollection<LineItem> lines, string currency, DateTime now, CancellationToken cancellationToken)
    {
        if (movements.Count == 0) return;
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var movement in movements.Where(m => m.ReservedChange != 0 || m.OnHandChange != 0))
        {
            // A product this save adds (a SKU first seen on this order) is not in the table yet: book on the new row.
            var added = db.Products.Local.FirstOrDefault(p => p.ChannelId == channelId && p.Sku == movement.Sku
                && db.Entry(p).State == EntityState.Added);
            if (added is not null)
            {
                added.Apply(movement);
                continue;
            }
            var (sku, reserved, onHand) = (movement.Sku, movement.ReservedChange, movement.OnHandChange);
            var updated = await db.Products.Where(p => p.ChannelId == channelId && p.ExternalId == sku)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.Reserved, p => p.Reserved + reserved)
                    .SetProperty(p => p.OnHand, p => p.OnHand + onHand)
                    .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
            if (updated > 0) continue;
            // An order stored before products were kept: its SKU becomes a product now, with nothing on hand.
            var line = lines.FirstOrDefault(l => l.Sku == sku);
            var product = line is null
                ? new Product(channelId, sku, new ProductDetails(sku, Money.Zero(currency), 0), now, now)
                : Product.FromLine(channelId, line, currency, now);
            product.Apply(movement);
            db.Products.Add(product);
        }
    }
}
