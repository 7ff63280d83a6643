using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Tracking;

/// <summary>One line of the tracked order, as the customer ordered it.</summary>
public sealed record TrackedLine(string Name, string Sku, int Quantity);

/// <summary>
/// What the public tracking page may show: the order number, the status as the customer may see it, the carrier
/// link and the lines. Nothing about the customer (name, address, e-mail) is even loaded.
/// </summary>
public sealed record TrackedOrder(string ShopName, string Number, string Status, string? SubStatus, string? Carrier, string? TrackingNumber,
    string? TrackingUrl, IReadOnlyList<TrackedLine> Lines);

public sealed class OrderTracking(IDbContextFactory<CommerceDbContext> factory)
{
    /// <summary>The neutral word for a status only staff see, with no visible status above it.</summary>
    public const string Processing = "Processing";

    public async Task<TrackedOrder?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > Order.TrackingTokenMaxLength) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().Where(o => o.TrackingToken == token)
            .Select(o => new { o.Id, o.ChannelId, o.Number, o.Status, o.SubStatus }).SingleOrDefaultAsync(ct);
        if (order is null) return null;
        var shop = await db.Channels.Where(c => c.Id == order.ChannelId).Select(c => c.Name).SingleAsync(ct);
        var lines = await db.Orders.AsNoTracking().Where(o => o.Id == order.Id).SelectMany(o => o.Lines)
            .OrderBy(l => l.Position).Select(l => new TrackedLine(l.Name, l.Sku, l.Quantity)).ToListAsync(ct);
        var delivery = await db.Deliveries.AsNoTracking().Where(d => d.OrderId == order.Id)
            .Select(d => new { d.CarrierName, d.TrackingNumber, d.TrackingUrl }).SingleOrDefaultAsync(ct);
        var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct));
        var (status, subStatus) = CustomerVisible(rules, order.Status, order.SubStatus);
        return new TrackedOrder(shop, order.Number, status, subStatus, delivery?.CarrierName, delivery?.TrackingNumber, delivery?.TrackingUrl, lines);
    }

    /// <summary>
    /// The status the customer may see: each of main and sub-status shows only when customer-visible; a hidden
    /// sub-status shows its main status, and with nothing visible the customer reads "Processing".
    /// </summary>
    public static (string Status, string? SubStatus) CustomerVisible(OrderStatusRules rules, string status, string? subStatus)
    {
        var main = rules.Find(status);
        var sub = subStatus is null ? null : rules.Find(subStatus);
        var mainName = main is { CustomerVisible: true } ? main.Name : null;
        var subName = sub is { CustomerVisible: true } ? sub.Name : null;
        return mainName is not null ? (mainName, subName)
            : subName is not null ? (subName, null)
            : (Processing, null);
    }
}
