using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders;

/// <summary>What the order page shows: the order with its lines, and who and what it links to.</summary>
public sealed record OrderDetails(Order Order, string ChannelName, RelatedCustomer? Customer, RelatedCart? Cart)
{
    public static async Task<OrderDetails?> LoadAsync(CommerceDbContext db, long id, CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null) return null;
        var channel = await db.Channels.Where(c => c.Id == order.ChannelId).Select(c => c.Name).SingleAsync(cancellationToken);
        var customer = order.CustomerId is { } customerId ? await RelatedCustomer.LoadAsync(db, customerId, cancellationToken) : null;
        var cart = order.CartId is { } cartId
            ? await db.Carts.Where(c => c.Id == cartId).Select(c => new RelatedCart(c.Id, c.ExternalId)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new OrderDetails(order, channel, customer, cart);
    }
}

public sealed record RelatedCart(long Id, string ExternalId);

/// <summary>A customer and its CRM account as record pages show them.</summary>
public sealed record RelatedCustomer(long Id, string Name, string? Email, string? Phone, long? AccountId, string? AccountName)
{
    public static Task<RelatedCustomer?> LoadAsync(CommerceDbContext db, long customerId, CancellationToken cancellationToken) =>
        (from c in db.Customers
         where c.Id == customerId
         join a in db.Accounts on c.AccountId equals a.Id into accounts
         from a in accounts.DefaultIfEmpty()
         select new { c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.AccountId, AccountName = a == null ? null : a.Name })
        .AsNoTracking()
        .Select(x => new RelatedCustomer(x.Id, Grids.PersonName.Of(x.FirstName, x.LastName, x.Email), x.Email, x.Phone, x.AccountId, x.AccountName))
        .SingleOrDefaultAsync(cancellationToken);
}
