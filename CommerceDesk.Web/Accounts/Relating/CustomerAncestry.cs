using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Relating;

/// <summary>Reads a customer's ancestors and descendants level by level (any depth; a loop ends the walk).</summary>
public static class CustomerAncestry
{
    /// <summary>The ids above the customer, nearest first.</summary>
    public static async Task<List<long>> AncestorsOfAsync(CommerceDbContext db, long customerId, CancellationToken ct)
    {
        var ancestors = new List<long>();
        var seen = new HashSet<long> { customerId };
        long? current = customerId;
        while (current is { } id)
        {
            current = db.Customers.Local.FirstOrDefault(c => c.Id == id) is { } tracked
                ? tracked.ParentCustomerId
                : await db.Customers.Where(c => c.Id == id).Select(c => c.ParentCustomerId).FirstOrDefaultAsync(ct);
            if (current is not { } parent || !seen.Add(parent)) break;
            ancestors.Add(parent);
        }
        return ancestors;
    }

    /// <summary>The ids below the customer (children, their children …).</summary>
    public static async Task<List<long>> DescendantsOfAsync(CommerceDbContext db, long customerId, CancellationToken ct)
    {
        var found = new HashSet<long> { customerId };
        var level = new List<long> { customerId };
        while (level.Count > 0)
        {
            var parents = level;
            level = (await db.Customers.AsNoTracking().Where(c => c.ParentCustomerId != null && parents.Contains(c.ParentCustomerId.Value))
                .Select(c => c.Id).ToListAsync(ct)).Where(found.Add).ToList();
        }
        found.Remove(customerId);
        return found.ToList();
    }
}
