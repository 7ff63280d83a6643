using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders.Billing;

/// <summary>A credit recorded against one invoice of an order (goods returned, a discount given afterwards).</summary>
public sealed class CreditMemo
{
    public const int ReasonMaxLength = 500;

    private CreditMemo() { }

    internal CreditMemo(Invoice invoice, DocumentNumber number, decimal amount, string reason, Actor actor, DateTime now)
    {
        OrderId = invoice.OrderId;
        InvoiceId = invoice.Id;
        InvoiceNumber = invoice.Number;
        Number = number.Text;
        Year = number.Year;
        Sequence = number.Sequence;
        Amount = amount;
        Currency = invoice.Currency;
        Reason = reason;
        IssuedByUserId = actor.UserId;
        IssuedBy = actor.Name;
        IssuedAt = Guard.Utc(now);
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public long InvoiceId { get; private set; }
    public string InvoiceNumber { get; private set; } = "";
    public string Number { get; private set; } = "";
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string IssuedByUserId { get; private set; } = "";
    public string IssuedBy { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
}
