using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Customers;

/// <summary>Creates or updates a pushed customer and links what was waiting for it (carts, orders, child customers).</summary>
internal sealed class UpsertCustomer(TimeProvider time)
{
    public async Task<(CustomerView View, bool Created)> RunAsync(
        CommerceDbContext db, long channelId, string externalId, CustomerDetails details, DateTime updatedAt, CancellationToken ct)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == externalId, ct);
        var created = customer is null;
        if (customer is null)
        {
            customer = new Customer(channelId, externalId, details, updatedAt, time.GetUtcNow().UtcDateTime);
            db.Customers.Add(customer);
        }
        else if (!customer.Update(details, updatedAt))
        {
            return (CustomerView.Of(customer, applied: false), false);
        }

        if (customer.ParentExternalId is { } parentId && customer.ParentCustomerId is null
            && await db.Customers.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == parentId, ct) is { } parent)
            customer.LinkParent(parent);

        if (customer.NeedsOwnAccount)
        {
            // The account's id is needed on the customer row; both saves share the request's transaction.
            var account = Account.OpenedFor(customer);
            db.Accounts.Add(account);
            await db.SaveChangesAsync(ct);
            customer.AssignAccount(account.Id);
        }
        await db.SaveChangesAsync(ct);

        // Only a new customer can have records waiting for it: later pushes naming it link at once.
        if (created && await LinkWaitingRecordsAsync(db, customer, ct))
            await db.SaveChangesAsync(ct);
        return (CustomerView.Of(customer, applied: true), created);
    }

    private static async Task<bool> LinkWaitingRecordsAsync(CommerceDbContext db, Customer customer, CancellationToken ct)
    {
        var (channelId, externalId) = (customer.ChannelId, customer.ExternalId);
        var carts = await db.Carts
            .Where(c => c.ChannelId == channelId && c.CustomerExternalId == externalId && c.CustomerId == null).ToListAsync(ct);
        var orders = await db.Orders
            .Where(o => o.ChannelId == channelId && o.CustomerExternalId == externalId && o.CustomerId == null).ToListAsync(ct);
        var children = await db.Customers
            .Where(c => c.ChannelId == channelId && c.ParentExternalId == externalId && c.ParentCustomerId == null).ToListAsync(ct);
        carts.ForEach(c => c.LinkCustomer(customer));
        orders.ForEach(o => o.LinkCustomer(customer));
        children.ForEach(c => c.LinkParent(customer));
        return carts.Count + orders.Count + children.Count > 0;
    }
}
