using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Accounts;

/// <summary>The CRM side of a customer (or of a customer hierarchy): what sales sees as one relationship.</summary>
public sealed class Account : Entity
{
    public const int NameMaxLength = 200;

    private Account() { }

    public Account(string name) => Rename(name);

    public string Name { get; private set; } = "";

    /// <summary>Sum of the subtotals of the account's orders, kept up to date as orders arrive.</summary>
    public decimal LifetimeSalesValue { get; private set; }

    /// <summary>The account a self-registering customer gets: named as the customer.</summary>
    public static Account OpenedFor(Customers.Customer customer)
    {
        if (!customer.NeedsOwnAccount)
            throw new DomainException("Only a registered customer without an account gets an account of its own.");
        var name = customer.FullName;
        return new Account(name.Length > NameMaxLength ? name[..NameMaxLength] : name);
    }

    public void Rename(string name) => Name = Guard.Required(name, "Account name", NameMaxLength);

    public void RecordSale(decimal amount) => LifetimeSalesValue += amount;
}
