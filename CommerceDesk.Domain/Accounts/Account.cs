using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Accounts;

/// <summary>The CRM side of a customer (or of a customer hierarchy): what sales sees as one relationship.</summary>
public sealed class Account : Entity
{
    public const int NameMaxLength = 200;

    private Account() { }

    public Account(string name) => Rename(name);

    public string Name { get; private set; } = "";

    /// <summary>
    /// The customer this account was opened for. Each customer opens at most one account (a unique key), so the
    /// account of a customer, or of a hierarchy's root, is found again by it whichever node or job asks.
    /// </summary>
    public long? OwnerCustomerId { get; private set; }

    /// <summary>An account no customer belongs to any more (after a strategy change) is kept, but inactive.</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>How many customers belong to it: written by the same statements that move customers between accounts.</summary>
    public int CustomerCount { get; private set; }

    /// <summary>
    /// Order subtotals net of refunds and credit memos, in the reporting currency: recomputed from the orders when
    /// an order is placed or refunded and when customers move between accounts.
    /// </summary>
    public decimal LifetimeSalesValue { get; private set; }

    /// <summary>The account a registered customer gets: named as the customer and owned by it.</summary>
    public static Account OpenedFor(Customers.Customer customer)
    {
        if (customer.IsGuest)
            throw new DomainException("A guest gets an account only when it registers.");
        if (customer.Id <= 0) throw new InvalidOperationException("Save the customer before opening its account.");
        var name = customer.FullName;
        return new Account(name.Length > NameMaxLength ? name[..NameMaxLength] : name) { OwnerCustomerId = customer.Id, CustomerCount = 1 };
    }

    public void Rename(string name) => Name = Guard.Required(name, "Account name", NameMaxLength);

    public void SetLifetimeSalesValue(decimal value) => LifetimeSalesValue = value;
}
