using CommerceDesk.Data;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Web.Fulfilment.Carriers;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Deliveries;

/// <summary>What the order page's delivery panel shows: the delivery (null before the order is confirmed), the carriers to ship with and the public tracking link.</summary>
public sealed record DeliveryView(Delivery? Delivery, IReadOnlyList<CarrierRow> Carriers, string? TrackingToken)
{
    public static async Task<DeliveryView> LoadAsync(CommerceDbContext db, long orderId, CancellationToken ct = default)
    {
        var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.OrderId == orderId, ct);
        var token = await db.Orders.Where(o => o.Id == orderId).Select(o => o.TrackingToken).SingleOrDefaultAsync(ct);
        var carriers = delivery?.NextStep == DeliveryStep.Ship
            ? await db.Carriers.AsNoTracking().OrderBy(c => c.Name).Select(c => new CarrierRow(c.Id, c.Name, c.TrackingUrlTemplate, c.Version, 0)).ToListAsync(ct)
            : [];
        return new DeliveryView(delivery, carriers, token);
    }
}
