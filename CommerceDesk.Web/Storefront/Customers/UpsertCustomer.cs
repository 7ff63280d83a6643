using CommerceDesk.Data;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Web.Accounts.Relating;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Customers;

/// <summary>Creates or updates a pushed customer and links what was waiting for it (carts, orders, child customers).</summary>
internal sealed class UpsertCustomer(TimeProvider time, CustomerAccounts accounts)
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

        var parentLinked = false;
        if (customer.ParentExternalId is { } parentId && customer.ParentCustomerId is null
            && await db.Customers.SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == parentId, ct) is { } parent)
        {
            CustomerHierarchy.RefuseCycle(customer, parent, await CustomerAncestry.AncestorsOfAsync(db, parent.Id, ct));
            customer.LinkParent(parent);
            parentLinked = true;
        }
        var hierarchyChanged = parentLinked || db.Entry(customer).Property(c => c.ParentCustomerId).IsModified;
        await db.SaveChangesAsync(ct);

        // Only a new customer can have records waiting for it: later pushes naming it link at once.
        var linked = created && await LinkWaitingRecordsAsync(db, customer, ct);
        if (linked) await db.SaveChangesAsync(ct);
        // A registered customer gets its account (DESIGN §8); one whose hierarchy changed may move with its subtree.
        await accounts.RelateAsync(db, customer, hierarchyChanged || linked, hasHistory: !created || linked, ct);
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
        if (children.Count > 0)
        {
            var ancestors = await CustomerAncestry.AncestorsOfAsync(db, customer.Id, ct);
            children.ForEach(c => CustomerHierarchy.RefuseCycle(c, customer, ancestors));
        }
        children.ForEach(c => c.LinkParent(customer));
        return carts.Count + orders.Count + children.Count > 0;
    }
}
