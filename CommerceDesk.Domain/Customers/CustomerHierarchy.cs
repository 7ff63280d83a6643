using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Customers;

/// <summary>The customer tree (parent customers, any depth): roots, and the rule that a customer is never its own ancestor.</summary>
public static class CustomerHierarchy
{
    /// <summary>
    /// Refuses a parent link that would close a loop: the new parent, or one of its ancestors, is the customer itself.
    /// <paramref name="ancestorsOfParent"/> lists the parent's ancestors' ids, nearest first.
    /// </summary>
    public static void RefuseCycle(Customer customer, Customer parent, IEnumerable<long> ancestorsOfParent)
    {
        if (customer.Id == 0) return; // a customer not saved yet has no descendants
        if (parent.Id == customer.Id || ancestorsOfParent.Contains(customer.Id))
            throw new DomainException(
                $"Customer {customer.ExternalId} cannot have {parent.ExternalId} as its parent: {parent.ExternalId} already belongs under {customer.ExternalId}, and a customer hierarchy cannot go round in a circle.");
    }

    /// <summary>The root of a customer's hierarchy, walking <paramref name="parentOf"/> upwards; a loop is refused.</summary>
    public static long RootOf(long customerId, Func<long, long?> parentOf)
    {
        var seen = new HashSet<long> { customerId };
        var current = customerId;
        while (parentOf(current) is { } parent)
        {
            if (!seen.Add(parent))
                throw new DomainException($"The customer hierarchy above customer #{customerId} goes round in a circle; fix the parent customers first.");
            current = parent;
        }
        return current;
    }
}
