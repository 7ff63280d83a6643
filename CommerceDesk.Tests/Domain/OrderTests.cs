using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Domain;

public sealed class OrderTests
{
    [Fact]
    public void APlacedUnpaidOrderIsAQuotationSent()
    {
        var order = new OrderBuilder().Build();

        order.CommercialState.ShouldBe(CommercialState.QuotationSent);
        order.Status.ShouldBe(OrderStatuses.Incoming);
        order.DomainEvents.OfType<OrderPlaced>().ShouldHaveSingleItem();
    }

    [Fact]
    public void APaidOnlineOrderIsASalesOrder() =>
        new OrderBuilder().WithPaymentStatus(PaymentStatus.Paid).Build().CommercialState.ShouldBe(CommercialState.SalesOrder);

    [Fact]
    public void AnOfflinePaymentStaysQuotationSentUntilAManagerConfirmsIt()
    {
        var order = new OrderBuilder().PaidBy(PaymentKind.Offline, "bank-transfer").WithPaymentStatus(PaymentStatus.Paid).Build();
        order.CommercialState.ShouldBe(CommercialState.QuotationSent);

        order.ConfirmOfflinePayment();

        order.CommercialState.ShouldBe(CommercialState.SalesOrder);
        order.PaymentStatus.ShouldBe(PaymentStatus.Paid);
    }

    [Fact]
    public void AnOnlinePaymentCannotBeConfirmedByHand() =>
        Should.Throw<DomainException>(new OrderBuilder().Build().ConfirmOfflinePayment).Message.ShouldContain("online");

    [Fact]
    public void APaidOrderNeverGoesBackToAwaitingPayment()
    {
        var order = new OrderBuilder().WithPaymentStatus(PaymentStatus.Paid).Build();

        order.Update(new OrderBuilder().WithPaymentStatus(PaymentStatus.Pending).Snapshot(), Clock.Start.AddMinutes(1));

        order.CommercialState.ShouldBe(CommercialState.SalesOrder);
        order.PaymentStatus.ShouldBe(PaymentStatus.Paid);
    }

    [Fact]
    public void ACancelledOrderStaysCancelledWhenPaymentArrives()
    {
        var order = new OrderBuilder().Build();
        order.Cancel();

        order.Update(new OrderBuilder().WithPaymentStatus(PaymentStatus.Paid).Snapshot(), Clock.Start.AddMinutes(1));

        order.CommercialState.ShouldBe(CommercialState.Cancelled);
    }

    [Fact]
    public void AnOrderNeedsALine() =>
        Should.Throw<DomainException>(() => new Order(1, "o", new OrderBuilder().Snapshot() with { Lines = [] }, Clock.Start, Clock.Start));

    [Fact]
    public void AnOrderNeedsANumber() =>
        Should.Throw<DomainException>(() => new Order(1, "o", new OrderBuilder().Snapshot() with { Number = " " }, Clock.Start, Clock.Start))
            .Message.ShouldContain("Order number");

    [Fact]
    public void TotalsAreComputedFromTheLines() =>
        new OrderBuilder().WithLine("A", 3, 1.99m).WithLine("B", 1, 0.03m).Build().Subtotal.ShouldBe(new Money(6.00m, "EUR"));

    [Fact]
    public void IgnoresAStaleUpdate()
    {
        var order = new OrderBuilder().WithNumber("1").UpdatedAt(Clock.Start.AddMinutes(5)).Build();

        order.Update(new OrderBuilder().WithNumber("2").Snapshot(), Clock.Start).ShouldBeFalse();

        order.Number.ShouldBe("1");
    }
}
