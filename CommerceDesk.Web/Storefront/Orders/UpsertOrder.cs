using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Fulfilment.Stock;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Orders;

/// <summary>Creates or updates a pushed order, linking its customer and marking the cart it came from purchased.</summary>
internal sealed class UpsertOrder(TimeProvider time)
{
    public async Task<(OrderView View, bool Created)> RunAsync(
        CommerceDbContext db, long channelId, string externalId, OrderSnapshot snapshot, DateTime updatedAt, CancellationToken ct)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.ChannelId == channelId && o.ExternalId == externalId, ct);
        var created = order is null;
        if (order is null)
        {
            order = new Order(channelId, externalId, snapshot, updatedAt, time.GetUtcNow().UtcDateTime);
            db.Orders.Add(order);
        }
        else if (!order.Update(snapshot, updatedAt))
        {
            return (OrderView.Of(order, applied: false), false);
        }

        if (order.CustomerExternalId is { } customerId && order.CustomerId is null
            && await db.Customers.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == customerId, ct) is { } customer)
            order.LinkCustomer(customer);

        Cart? cart = null;
        if (order.CartExternalId is { } cartId && order.CartId is null)
            cart = await db.Carts.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == cartId, ct);

        await ProductCatalog.AddMissingAsync(db, channelId, order.Lines, order.Currency, time.GetUtcNow().UtcDateTime, ct);
        // The order is saved first (the cart points at its id), then the cart is purchased, in the same transaction.
        await db.SaveChangesAsync(ct);
        if (cart is not null)
        {
            order.PlacedFrom(cart);
            await db.SaveChangesAsync(ct);
        }
        return (OrderView.Of(order, applied: true), created);
    }
}
