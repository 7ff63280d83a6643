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

    public void Rename(string name) => Name = Guard.Required(name, "Account name", NameMaxLength);

    public void RecordSale(decimal amount) => LifetimeSalesValue += amount;
}
