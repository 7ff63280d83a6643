using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders.Billing;

/// <summary>An invoice recorded for an order: its number, date and amount, and how much of it credit memos took back.</summary>
public sealed class Invoice
{
    private Invoice() { }

    internal Invoice(long orderId, DocumentNumber number, DateTime invoiceDate, decimal amount, string currency, Actor actor, DateTime now)
    {
        OrderId = orderId;
        Number = number.Text;
        Year = number.Year;
        Sequence = number.Sequence;
        InvoiceDate = Guard.Utc(invoiceDate).Date;
        Amount = amount;
        Currency = currency;
        CreatedByUserId = actor.UserId;
        CreatedBy = actor.Name;
        CreatedAt = Guard.Utc(now);
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public string Number { get; private set; } = "";
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public DateTime InvoiceDate { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    /// <summary>What credit memos against this invoice add up to; never more than <see cref="Amount"/>.</summary>
    public decimal CreditedAmount { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>What a further credit memo may still take back.</summary>
    public decimal Creditable => Amount - CreditedAmount;

    internal void Credit(decimal amount) => CreditedAmount += amount;
}
