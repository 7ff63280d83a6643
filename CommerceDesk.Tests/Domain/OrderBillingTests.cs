using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Orders.Billing;
using CommerceDesk.Tests.Support;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Tests.Domain;

/// <summary>The money side of an order: the commercial-state moves, invoices, credit memos and the full refund.</summary>
public sealed class OrderBillingTests
{
    private static readonly DateTime Now = Clock.Start.AddDays(1);
    private static readonly Actor Anna = new("u-anna", "Anna Manager");
    private static readonly OrderStatusRules Rules = new(DefaultOrderStatuses.Create());
    private static long _nextId = 100;

    /// <summary>A stored order (it has an id) of 2 × 12.00 = 24.00 EUR.</summary>
    private static Order Saved(PaymentKind kind, PaymentStatus status = PaymentStatus.Pending, string currency = "EUR")
    {
        var builder = new OrderBuilder().PaidBy(kind, kind == PaymentKind.Offline ? "bank-transfer" : "card").WithPaymentStatus(status).WithLine("MUG", 2, 12m);
        var snapshot = builder.Snapshot() with { Currency = currency };
        var order = new Order(1, "order-" + _nextId, snapshot, Clock.Start, Clock.Start);
        typeof(Order).GetProperty(nameof(Order.Id))!.SetValue(order, Interlocked.Increment(ref _nextId));
        order.ClearDomainEvents();
        return order;
    }

    private static Order PaidOnline() => Saved(PaymentKind.Online, PaymentStatus.Paid);

    private static DocumentNumber Inv(int n) => DocumentNumber.Invoice(2026, n);

    private static Invoice Invoice(Order order, decimal amount, int n = 1) => order.RecordInvoice(Inv(n), Now, amount, Anna, Now).Invoice;

    // Commercial state (Odoo): Quotation sent → Sales order by "Confirm payment" only for offline payments.

    [Fact]
    public void ConfirmingAnOfflinePaymentMakesASalesOrderRecordsWhoAndRaisesOrderConfirmed()
    {
        var order = Saved(PaymentKind.Offline);
        order.AwaitsPaymentConfirmation.ShouldBeTrue();

        var entry = order.ConfirmPayment(Anna, Now);

        order.CommercialState.ShouldBe(CommercialState.SalesOrder);
        order.PaymentStatus.ShouldBe(PaymentStatus.Paid);
        order.AwaitsPaymentConfirmation.ShouldBeFalse();
        order.DomainEvents.OfType<OrderConfirmed>().Count().ShouldBe(1);
        (entry.Kind, entry.By, entry.At, entry.Sequence).ShouldBe((BillingEntryKind.PaymentConfirmed, "Anna Manager", Now, 1));
        entry.Summary.ShouldContain("bank-transfer");
    }

    [Fact]
    public void ConfirmingThePaymentOfAnOnlineOrderIsRefused()
    {
        var order = Saved(PaymentKind.Online);
        order.AwaitsPaymentConfirmation.ShouldBeFalse();

        Should.Throw<DomainException>(() => order.ConfirmPayment(Anna, Now)).Message.ShouldContain("online payments are confirmed by the storefront");
        order.CommercialState.ShouldBe(CommercialState.QuotationSent);
        order.BillingSequence.ShouldBe(0);
    }

    [Fact]
    public void ConfirmingAPaymentTwiceIsRefused()
    {
        var order = Saved(PaymentKind.Offline);
        order.ConfirmPayment(Anna, Now);

        Should.Throw<DomainException>(() => order.ConfirmPayment(Anna, Now)).Message.ShouldContain("SalesOrder");
        order.DomainEvents.OfType<OrderConfirmed>().Count().ShouldBe(1);
        order.BillingSequence.ShouldBe(1);
    }

    [Fact]
    public void ConfirmingThePaymentOfACancelledOrderIsRefused()
    {
        var order = Saved(PaymentKind.Offline);
        order.Cancel();

        order.AwaitsPaymentConfirmation.ShouldBeFalse();
        Should.Throw<DomainException>(() => order.ConfirmPayment(Anna, Now)).Message.ShouldContain("Cancelled");
        order.CommercialState.ShouldBe(CommercialState.Cancelled);
        order.PaymentStatus.ShouldBe(PaymentStatus.Pending);
    }

    [Fact]
    public void AnOnlineOrderThatArrivesPaidConfirmsItselfAndAnOfflineOneWaits()
    {
        Saved(PaymentKind.Online, PaymentStatus.Paid).CommercialState.ShouldBe(CommercialState.SalesOrder);
        var offline = Saved(PaymentKind.Offline, PaymentStatus.Paid);
        offline.CommercialState.ShouldBe(CommercialState.QuotationSent);
        offline.AwaitsPaymentConfirmation.ShouldBeTrue();
    }

    // Invoices

    [Fact]
    public void InvoicingTheWholeOrderRecordsTheNumberDateAndAmountAndMarksItPaidAndInvoiced()
    {
        var order = PaidOnline();

        var (invoice, entry) = order.RecordInvoice(DocumentNumber.Invoice(2026, 123), Now, 24m, Anna, Now);

        invoice.Number.ShouldBe("INV-2026-000123");
        (invoice.OrderId, invoice.Amount, invoice.Currency, invoice.InvoiceDate).ShouldBe((order.Id, 24m, "EUR", Now.Date));
        order.InvoiceState.ShouldBe(InvoiceState.FullyInvoiced);
        order.PaymentStatus.ShouldBe(PaymentStatus.Paid);
        order.DomainEvents.OfType<OrderInvoiced>().Single().ShouldBe(new OrderInvoiced(order, "INV-2026-000123", Now.Date, 24m));
        (entry.Kind, entry.By).ShouldBe((BillingEntryKind.Invoiced, "Anna Manager"));
        entry.Summary.ShouldContain("INV-2026-000123");
    }

    [Fact]
    public void APartInvoiceLeavesTheRemainderWhichIsTheMostTheNextInvoiceMayTake()
    {
        var order = PaidOnline();
        Invoice(order, 10m);
        order.InvoiceState.ShouldBe(InvoiceState.PartlyInvoiced);
        order.Uninvoiced.ShouldBe(14m);

        Should.Throw<DomainException>(() => Invoice(order, 14.01m, 2)).Message.ShouldContain("at most 14.00 EUR");
        order.InvoicedAmount.ShouldBe(10m);

        Invoice(order, 14m, 2);
        order.InvoiceState.ShouldBe(InvoiceState.FullyInvoiced);
        Should.Throw<DomainException>(() => Invoice(order, 1m, 3)).Message.ShouldContain("invoiced in full already");
        order.DomainEvents.OfType<OrderInvoiced>().Count().ShouldBe(2);
    }

    [Theory]
    [InlineData(0, "more than zero")]
    [InlineData(-5, "more than zero")]
    [InlineData(1.005, "at most 2 decimals")]
    [InlineData(900_000_001, "at most 900,000,000")]
    public void AnInvoiceAmountOutsideTheLimitsIsRefusedAndChangesNothing(double amount, string message)
    {
        var order = PaidOnline();

        Should.Throw<DomainException>(() => Invoice(order, (decimal)amount)).Message.ShouldContain(message);
        order.InvoicedAmount.ShouldBe(0m);
        order.BillingSequence.ShouldBe(0);
        order.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void AYenInvoiceWithDecimalsIsRefused()
    {
        var order = Saved(PaymentKind.Online, PaymentStatus.Paid, "JPY");
        Should.Throw<DomainException>(() => Invoice(order, 10.5m)).Message.ShouldContain("JPY has no decimals");
    }

    [Fact]
    public void AQuotationAwaitingPaymentAndACancelledOrderAreNotInvoiced()
    {
        var awaiting = Saved(PaymentKind.Offline);
        Should.Throw<DomainException>(() => Invoice(awaiting, 24m)).Message.ShouldContain("confirm the payment first");

        var cancelled = Saved(PaymentKind.Offline);
        cancelled.Cancel();
        Should.Throw<DomainException>(() => Invoice(cancelled, 24m)).Message.ShouldContain("cancelled order is not invoiced");
    }

    [Fact]
    public void AnInvoiceDateInTheFutureOrBeforeTheOrderIsRefused()
    {
        var order = PaidOnline();
        Should.Throw<DomainException>(() => order.RecordInvoice(Inv(1), Now.AddDays(2), 24m, Anna, Now)).Message.ShouldContain("future");
        Should.Throw<DomainException>(() => order.RecordInvoice(Inv(1), Clock.Start.AddDays(-2), 24m, Anna, Now)).Message.ShouldContain("before the order was placed");
        order.InvoicedAmount.ShouldBe(0m);
    }

    // Credit memos

    [Fact]
    public void ACreditMemoMayTakeUpToTheInvoiceLessEarlierCredits()
    {
        var order = PaidOnline();
        var invoice = Invoice(order, 24m);

        var (memo, entry) = order.IssueCreditMemo(invoice, DocumentNumber.CreditMemo(2026, 4), 20m, "One mug broke", Anna, Now);

        memo.Number.ShouldBe("CM-2026-000004");
        (memo.InvoiceNumber, memo.Amount, memo.Reason).ShouldBe(("INV-2026-000001", 20m, "One mug broke"));
        invoice.CreditedAmount.ShouldBe(20m);
        order.CreditedAmount.ShouldBe(20m);
        order.DomainEvents.OfType<OrderCreditMemoIssued>().Single().ShouldBe(new OrderCreditMemoIssued(order, "INV-2026-000001", 20m, Now));
        entry.Summary.ShouldContain("One mug broke");

        Should.Throw<DomainException>(() => order.IssueCreditMemo(invoice, DocumentNumber.CreditMemo(2026, 5), 4.01m, "More", Anna, Now))
            .Message.ShouldContain("at most 4.00 EUR: invoice INV-2026-000001 has had 20.00 EUR credited already");
        order.IssueCreditMemo(invoice, DocumentNumber.CreditMemo(2026, 5), 4m, "The rest", Anna, Now);
        invoice.Creditable.ShouldBe(0m);
    }

    [Fact]
    public void ACreditBeyondTheInvoiceAgainstAnotherOrdersInvoiceOrWithoutAReasonIsRefused()
    {
        var order = PaidOnline();
        var partial = Invoice(order, 10m);
        var other = PaidOnline();
        var othersInvoice = Invoice(other, 24m);

        Should.Throw<DomainException>(() => order.IssueCreditMemo(partial, DocumentNumber.CreditMemo(2026, 1), 10.01m, "x", Anna, Now))
            .Message.ShouldContain("at most 10.00 EUR, the amount of invoice");
        Should.Throw<DomainException>(() => order.IssueCreditMemo(othersInvoice, DocumentNumber.CreditMemo(2026, 1), 1m, "x", Anna, Now))
            .Message.ShouldContain("another order");
        Should.Throw<DomainException>(() => order.IssueCreditMemo(partial, DocumentNumber.CreditMemo(2026, 1), 1m, "  ", Anna, Now))
            .Message.ShouldContain("reason");
        order.CreditedAmount.ShouldBe(0m);
        partial.CreditedAmount.ShouldBe(0m);
        order.DomainEvents.OfType<OrderCreditMemoIssued>().ShouldBeEmpty();
    }

    // Full refund

    [Fact]
    public void RefundingFromRefundRequestedFollowsTheStatusRulesAndPaysBackTheTotalLessCredits()
    {
        var order = PaidOnline();
        var invoice = Invoice(order, 24m);
        order.IssueCreditMemo(invoice, DocumentNumber.CreditMemo(2026, 1), 4m, "Late delivery", Anna, Now);
        order.ChangeStatus(InProcess, Rules, Anna, null, Now);
        order.ChangeStatus(Delivered, Rules, Anna, null, Now);
        order.ChangeStatus(RefundRequested, Rules, Anna, null, Now);
        order.ClearDomainEvents();

        var (change, entry) = order.Refund("Returned unopened", Rules, Anna, Now);

        order.Status.ShouldBe(Refunded);
        (change.FromCode, change.ToCode, change.Note).ShouldBe((RefundRequested, Refunded, "Full refund: Returned unopened"));
        order.DomainEvents.OfType<OrderRefunded>().Single().ShouldBe(new OrderRefunded(order, 20m, Now));
        order.DomainEvents.OfType<OrderStatusChanged>().Single().Change.ShouldBe(change);
        (order.RefundedAmount, order.RefundedAt, order.RefundReason).ShouldBe((20m, Now, "Returned unopened"));
        (entry.Kind, entry.By).ShouldBe((BillingEntryKind.Refunded, "Anna Manager"));
    }

    [Theory]
    [InlineData(Incoming)]
    [InlineData(InProcess)]
    [InlineData(Cancelled)]
    public void APaidOrderIsRefundedFromAStatusWhoseRulesDoNotLeadToRefundedAndTheHistorySaysWhy(string from)
    {
        var order = PaidOnline();
        if (from == InProcess) order.ChangeStatus(InProcess, Rules, Anna, null, Now);
        if (from == Cancelled) order.ChangeStatus(Cancelled, Rules, Anna, null, Now);

        var (change, _) = order.Refund(null, Rules, Anna, Now);

        order.Status.ShouldBe(Refunded);
        (change.FromCode, change.ToCode).ShouldBe((from, Refunded));
        change.Note.ShouldBe($"Full refund (the refund moves the order here from '{from}')");
        order.DomainEvents.OfType<OrderRefunded>().Single().Amount.ShouldBe(24m);
    }

    [Fact]
    public void AnUnpaidOrderIsNotRefundedAndARefundedOneIsNeitherRefundedInvoicedNorCreditedAgain()
    {
        var unpaid = Saved(PaymentKind.Offline);
        Should.Throw<DomainException>(() => unpaid.Refund(null, Rules, Anna, Now)).Message.ShouldContain("cancel it instead");
        unpaid.Status.ShouldBe(Incoming);

        var order = PaidOnline();
        var invoice = Invoice(order, 10m);
        order.Refund(null, Rules, Anna, Now);
        var sequence = order.StatusSequence;

        Should.Throw<DomainException>(() => order.Refund(null, Rules, Anna, Now)).Message.ShouldContain("refunded in full");
        Should.Throw<DomainException>(() => Invoice(order, 1m, 2)).Message.ShouldContain("refunded in full");
        Should.Throw<DomainException>(() => order.IssueCreditMemo(invoice, DocumentNumber.CreditMemo(2026, 1), 1m, "x", Anna, Now)).Message.ShouldContain("refunded in full");
        order.StatusSequence.ShouldBe(sequence);
        order.DomainEvents.OfType<OrderRefunded>().Count().ShouldBe(1);
    }

    [Fact]
    public void AnOrderWhoseTotalWasCreditedInFullHasNothingLeftToRefund()
    {
        var order = PaidOnline();
        var invoice = Invoice(order, 24m);
        order.IssueCreditMemo(invoice, DocumentNumber.CreditMemo(2026, 1), 24m, "Goodwill", Anna, Now);

        Should.Throw<DomainException>(() => order.Refund(null, Rules, Anna, Now)).Message.ShouldContain("whole order total already");
        order.Status.ShouldBe(Incoming);
    }
}
