using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders.Billing;

public enum BillingEntryKind { PaymentConfirmed, Invoiced, CreditMemoIssued, Refunded }

/// <summary>One line of an order's billing history: who confirmed the payment, invoiced, credited or refunded, and when.</summary>
public sealed class OrderBillingEntry
{
    public const int SummaryMaxLength = 1000;

    private OrderBillingEntry() { }

    internal OrderBillingEntry(long orderId, int sequence, BillingEntryKind kind, string summary, Actor actor, DateTime at)
    {
        OrderId = orderId;
        Sequence = sequence;
        Kind = kind;
        Summary = summary.Length <= SummaryMaxLength ? summary : summary[..SummaryMaxLength];
        ByUserId = actor.UserId;
        By = actor.Name;
        At = Guard.Utc(at);
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    /// <summary>1, 2, 3… per order and unique: two nodes recording a billing step on one order cannot both succeed.</summary>
    public int Sequence { get; private set; }
    public BillingEntryKind Kind { get; private set; }
    public string Summary { get; private set; } = "";
    public string ByUserId { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
}
