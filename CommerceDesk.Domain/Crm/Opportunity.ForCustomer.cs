using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Crm;

public sealed partial class Opportunity
{
    /// <summary>A manager opens an opportunity by hand from an account or a customer page (DESIGN §8); the caller checks the stage against the stage table.</summary>
    public static Opportunity ForCustomer(string name, long? accountId, long? customerId, Money amount, string stage, DateTime closeDate, Actor owner, DateTime now)
    {
        if (accountId is null && customerId is null) throw new DomainException("An opportunity needs an account or a customer.");
        if (amount.Amount < 0m) throw new DomainException("The amount of an opportunity cannot be negative.");
        return new Opportunity(name, amount, stage, closeDate, owner, now) { AccountId = accountId, CustomerId = customerId };
    }
}
