using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Accounts;

public enum AccountRelationReason { CustomersWithoutAccount, StrategyChanged, ValuesChanged }

/// <summary>
/// One pass of the job that relates every customer to the account the strategy gives it, with its progress
/// (customers done of the total, up to which customer id) so admins see it and a rerun continues where it stopped.
/// </summary>
public sealed class AccountRelationRun : Entity
{
    public const int StartedByMaxLength = Actor.NameMaxLength;

    private AccountRelationRun() { }

    public AccountRelationRun(AccountStrategy strategy, AccountRelationReason reason, int total, Actor by, DateTime now)
    {
        Strategy = strategy;
        Reason = reason;
        Total = total;
        StartedBy = by.Name;
        StartedAt = Guard.Utc(now);
    }

    public AccountStrategy Strategy { get; private set; }
    public AccountRelationReason Reason { get; private set; }
    public int Total { get; private set; }
    public int Done { get; private set; }

    /// <summary>Customers up to this id are related; the next batch starts after it.</summary>
    public long LastCustomerId { get; private set; }

    public string StartedBy { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    public bool IsFinished => FinishedAt is not null;
}
