using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Accounts;

public enum DeductionKind { Refund, CreditMemo }

/// <summary>
/// Money given back on an order (a refund or a credit memo), kept so an account's lifetime sales value can be
/// recomputed net of it. One row per order, kind and reference: the same event handled twice adds nothing.
/// </summary>
public sealed class SalesValueDeduction
{
    public const int ReferenceMaxLength = 100;

    private SalesValueDeduction() { }

    public SalesValueDeduction(long orderId, DeductionKind kind, string reference, decimal amount, DateTime at)
    {
        if (amount < 0m) throw new DomainException("A refund or credit memo amount cannot be negative.");
        OrderId = orderId;
        Kind = kind;
        Reference = Guard.Required(reference, "Reference", ReferenceMaxLength);
        Amount = amount;
        At = Guard.Utc(at);
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public DeductionKind Kind { get; private set; }
    public string Reference { get; private set; } = "";

    /// <summary>In the order's currency.</summary>
    public decimal Amount { get; private set; }

    public DateTime At { get; private set; }
}
