using System.Globalization;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders.Billing;

namespace CommerceDesk.Domain.Orders;

public enum InvoiceState { NothingInvoiced, PartlyInvoiced, FullyInvoiced }

/// <summary>
/// The money side of an order (Odoo): confirming an offline payment, invoices, credit memos and the full refund. Each
/// changes the order row itself (the running totals and the billing sequence), so the order's version guards every one
/// of them: of two managers acting at once, one save wins.
/// </summary>
public sealed partial class Order
{
    public const int RefundReasonMaxLength = 500;

    /// <summary>What the order's invoices add up to; never more than the order total.</summary>
    public decimal InvoicedAmount { get; private set; }

    /// <summary>What credit memos against the order's invoices add up to.</summary>
    public decimal CreditedAmount { get; private set; }

    public decimal? RefundedAmount { get; private set; }
    public DateTime? RefundedAt { get; private set; }
    public string? RefundReason { get; private set; }

    /// <summary>How many billing steps the order has had; the next history line takes the next number.</summary>
    public int BillingSequence { get; private set; }

    public decimal Uninvoiced => Subtotal.Amount - InvoicedAmount;

    public bool IsRefunded => RefundedAt is not null;

    public InvoiceState InvoiceState =>
        InvoicedAmount == 0m ? InvoiceState.NothingInvoiced
        : InvoicedAmount < Subtotal.Amount ? InvoiceState.PartlyInvoiced
        : InvoiceState.FullyInvoiced;

    /// <summary>Whether "Confirm payment" applies: an offline payment awaiting a manager.</summary>
    public bool AwaitsPaymentConfirmation =>
        PaymentMethod.Kind == PaymentKind.Offline && CommercialState == CommercialState.QuotationSent;

    /// <summary><see cref="ConfirmOfflinePayment"/> by a manager, recorded in the billing history.</summary>
    public OrderBillingEntry ConfirmPayment(Actor actor, DateTime now)
    {
        ConfirmOfflinePayment();
        return NextBillingEntry(BillingEntryKind.PaymentConfirmed, $"Payment confirmed ({PaymentMethod.Code})", actor, now);
    }

    /// <summary>
    /// Records an invoice for the whole order or for what is still uninvoiced. Only sales orders are invoiced (an
    /// offline payment is confirmed first); an order invoiced in full is paid.
    /// </summary>
    public (Invoice Invoice, OrderBillingEntry Entry) RecordInvoice(DocumentNumber number, DateTime invoiceDate, decimal amount, Actor actor, DateTime now)
    {
        if (Id == 0) throw new InvalidOperationException("Save the order before invoicing it.");
        RefuseWhenRefunded("invoiced");
        if (CommercialState == CommercialState.Cancelled) throw new DomainException("A cancelled order is not invoiced.");
        if (CommercialState != CommercialState.SalesOrder)
            throw new DomainException("Only a sales order is invoiced: confirm the payment first.");
        if (Uninvoiced <= 0m) throw new DomainException("This order is invoiced in full already.");
        CheckAmount(amount, "The invoice amount");
        if (amount > Uninvoiced)
            throw new DomainException($"The invoice amount may be at most {Show(Uninvoiced)}, what is still uninvoiced.");
        var date = Guard.Utc(invoiceDate).Date;
        // A manager's "today" may be up to 14 hours ahead of UTC: refuse only a day that has not begun anywhere.
        if (date > Guard.Utc(now).AddHours(14).Date) throw new DomainException("The invoice date cannot be in the future.");
        // ...and up to 12 hours behind: the day the order was placed may still be the day before on the manager's calendar.
        if (date < PlacedAt.AddHours(-12).Date) throw new DomainException("The invoice date cannot be before the order was placed.");

        var invoice = new Invoice(Id, number, date, amount, Currency, actor, now);
        InvoicedAmount += amount;
        if (InvoiceState == InvoiceState.FullyInvoiced) PaymentStatus = PaymentStatus.Paid;
        Raise(new OrderInvoiced(this, invoice.Number, invoice.InvoiceDate, amount));
        var entry = NextBillingEntry(BillingEntryKind.Invoiced,
            $"Invoice {invoice.Number} of {Show(amount)}, dated {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", actor, now);
        return (invoice, entry);
    }

    /// <summary>Records a credit against one of this order's invoices, up to what that invoice has not had credited yet.</summary>
    public (CreditMemo CreditMemo, OrderBillingEntry Entry) IssueCreditMemo(
        Invoice invoice, DocumentNumber number, decimal amount, string? reason, Actor actor, DateTime now)
    {
        if (invoice.OrderId != Id) throw new DomainException("That invoice belongs to another order.");
        RefuseWhenRefunded("credited");
        CheckAmount(amount, "The credit amount");
        if (amount > invoice.Creditable)
            throw new DomainException(invoice.CreditedAmount == 0m
                ? $"The credit may be at most {Show(invoice.Creditable)}, the amount of invoice {invoice.Number}."
                : $"The credit may be at most {Show(invoice.Creditable)}: invoice {invoice.Number} has had {Show(invoice.CreditedAmount)} credited already.");
        var why = Guard.Required(reason, "The reason for the credit", CreditMemo.ReasonMaxLength);

        var memo = new CreditMemo(invoice, number, amount, why, actor, now);
        invoice.Credit(amount);
        CreditedAmount += amount;
        Raise(new OrderCreditMemoIssued(this, invoice.Number, amount, memo.IssuedAt));
        var entry = NextBillingEntry(BillingEntryKind.CreditMemoIssued,
            $"Credit memo {memo.Number} of {Show(amount)} against invoice {invoice.Number}: {why}", actor, now);
        return (memo, entry);
    }

    /// <summary>What a full refund pays back: the order total less what credit memos gave back already.</summary>
    public decimal RefundableAmount => Subtotal.Amount - CreditedAmount;

    /// <summary>
    /// Refunds the order in full and moves it to Refunded. The move goes through the status rules when they allow it
    /// (Refund requested → Refunded). When they do not (a paid order still Incoming or In process, or cancelled after
    /// payment), the money has gone back to the customer all the same, so the order still moves to Refunded: the
    /// history line says the refund made the move. Only paid orders are refunded; an unpaid one is cancelled instead.
    /// </summary>
    public (OrderStatusChange StatusChange, OrderBillingEntry Entry) Refund(string? reason, OrderStatusRules rules, Actor actor, DateTime now)
    {
        RefuseWhenRefunded("refunded");
        if (PaymentStatus != PaymentStatus.Paid)
            throw new DomainException("Nothing was paid for this order, so there is nothing to refund: cancel it instead.");
        var amount = RefundableAmount;
        if (amount <= 0m) throw new DomainException("Credit memos gave back the whole order total already.");
        var why = Guard.Optional(reason, "The reason for the refund", RefundReasonMaxLength);
        var refunded = rules.Find(OrderStatuses.Refunded) ?? throw new DomainException($"There is no order status '{OrderStatuses.Refunded}'.");
        if (StatusCode == refunded.Code) throw new DomainException($"The order is already '{refunded.Name}'.");

        var note = why is null ? "Full refund" : $"Full refund: {why}";
        var change = rules.NextFrom(StatusCode).Contains(refunded)
            ? ChangeStatus(refunded.Code, rules, actor, note, now)
            : MoveForRefund(refunded, actor, $"{note} (the refund moves the order here from '{rules.NameOf(StatusCode)}')", now);

        RefundedAmount = amount;
        RefundedAt = Guard.Utc(now);
        RefundReason = why;
        Raise(new OrderRefunded(this, amount, RefundedAt.Value));
        var entry = NextBillingEntry(BillingEntryKind.Refunded, why is null ? $"Refunded {Show(amount)}" : $"Refunded {Show(amount)}: {why}", actor, now);
        return (change, entry);
    }

    /// <summary>The refund's own move to Refunded, past allowed-next rules that would refuse it; otherwise as <see cref="ChangeStatus"/>.</summary>
    private OrderStatusChange MoveForRefund(OrderStatusDefinition refunded, Actor actor, string note, DateTime now)
    {
        var from = StatusCode;
        Status = refunded.ParentCode ?? refunded.Code;
        SubStatus = refunded.ParentCode is null ? null : refunded.Code;
        StatusSequence++;
        var change = new OrderStatusChange(Id, StatusSequence, from, refunded.Code, actor, note, now);
        Raise(new OrderStatusChanged(this, change));
        return change;
    }

    private void RefuseWhenRefunded(string what)
    {
        if (IsRefunded) throw new DomainException($"This order was refunded in full; it cannot be {what} any more.");
    }

    private void CheckAmount(decimal amount, string what)
    {
        if (amount <= 0m) throw new DomainException($"{what} must be more than zero.");
        if (amount > AmountLimits.MaxTotal) throw new DomainException($"{what} may be at most {AmountLimits.Format(AmountLimits.MaxTotal)}.");
        var digits = Common.Currency.DigitsOf(Currency);
        if (decimal.Round(amount, digits) != amount)
            throw new DomainException(digits == 0 ? $"{what} in {Currency} has no decimals." : $"{what} in {Currency} may have at most {digits} decimals.");
    }

    private string Show(decimal amount) => new Money(amount, Currency).ToString();

    private OrderBillingEntry NextBillingEntry(BillingEntryKind kind, string summary, Actor actor, DateTime now)
    {
        if (Id == 0) throw new InvalidOperationException("Save the order before recording its billing.");
        BillingSequence++;
        return new OrderBillingEntry(Id, BillingSequence, kind, summary, actor, now);
    }
}
