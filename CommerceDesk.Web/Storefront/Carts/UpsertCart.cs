using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Web.Fulfilment.Stock;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Carts;

/// <summary>Creates or updates a pushed cart, linking its customer and an order that arrived before it.</summary>
internal sealed class UpsertCart(TimeProvider time, Crm.Sync.QueueCartForCrm crm)
{
    public async Task<(CartView View, bool Created)> RunAsync(
        CommerceDbContext db, long channelId, string externalId, CartSnapshot snapshot, DateTime updatedAt, CancellationToken ct)
    {
        var cart = await db.Carts.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == externalId, ct);
        var created = cart is null;
        var before = cart is null ? null : Domain.Crm.CartContent.Of(cart);
        if (cart is null)
        {
            cart = new Cart(channelId, externalId, snapshot, updatedAt, time.GetUtcNow().UtcDateTime);
            db.Carts.Add(cart);
        }
        else if (!cart.Update(snapshot, updatedAt))
        {
            return (CartView.Of(cart, applied: false), false);
        }

        if (cart.CustomerExternalId is { } customerId && cart.CustomerId is null
            && await db.Customers.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == customerId, ct) is { } customer)
            cart.LinkCustomer(customer);
        await ProductCatalog.AddMissingAsync(db, channelId, cart.Items, cart.Currency, time.GetUtcNow().UtcDateTime, ct);
        await crm.ApplyAsync(db, before, cart, ct);
        await db.SaveChangesAsync(ct);

        // An order placed from this cart may have been pushed first; now the cart exists it is purchased.
        if (created && await db.Orders.FirstOrDefaultAsync(
                o => o.ChannelId == channelId && o.CartExternalId == externalId && o.CartId == null, ct) is { } order)
        {
            order.PlacedFrom(cart);
            await db.SaveChangesAsync(ct);
        }
        return (CartView.Of(cart, applied: true), created);
    }
}
