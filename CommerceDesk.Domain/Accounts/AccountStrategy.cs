namespace CommerceDesk.Domain.Accounts;

/// <summary>How commerce customers map to CRM accounts (OroCommerce's "customer account" setting).</summary>
public enum AccountStrategy
{
    /// <summary>Every registered customer has an account of its own (the default).</summary>
    OnePerCustomer,

    /// <summary>Every customer shares the account of the root of its customer hierarchy.</summary>
    OnePerHierarchy,
}

public static class AccountStrategyText
{
    public static string Label(this AccountStrategy strategy) => strategy switch
    {
        AccountStrategy.OnePerHierarchy => "One account for the whole customer hierarchy",
        _ => "One account per customer",
    };
}
