using CommerceDesk.Data;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Customers;

/// <summary>What the customer page shows: the customer, its account and parent, and its latest carts and orders.</summary>
public sealed record CustomerDetails(
    Customer Customer, string ChannelName, string? AccountName, RelatedCustomer? Parent,
    GridPage<OrderRow> Orders, GridPage<CartRow> Carts)
{
    public const int ListSize = 20;

    public static async Task<CustomerDetails?> LoadAsync(CommerceDbContext db, long id, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null) return null;
        var channel = await db.Channels.Where(c => c.Id == customer.ChannelId).Select(c => c.Name).SingleAsync(cancellationToken);
        var account = customer.AccountId is { } accountId
            ? await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var parent = customer.ParentCustomerId is { } parentId ? await RelatedCustomer.LoadAsync(db, parentId, cancellationToken) : null;
        var latest = new GridPaging(PageSize: ListSize);
        var orders = await new OrderGridQuery().RunAsync(db, new OrderGridFilter(CustomerId: id), latest, cancellationToken);
        var carts = await new CartGridQuery().RunAsync(db, new CartGridFilter(CustomerId: id), latest, cancellationToken);
        return new CustomerDetails(customer, channel, account, parent, orders, carts);
    }
}
