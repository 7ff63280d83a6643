using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Returns;
using CommerceDesk.Tests.Support;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Tests.Domain;

public sealed class ReturnRequestTests
{
    private static readonly DateTime Now = Clock.Start.AddDays(3);
    private static readonly Actor Anna = new("u-anna", "Anna Manager");
    private static readonly OrderStatusRules Rules = new(DefaultOrderStatuses.Create());

    /// <summary>A paid, delivered order: 3 mugs and 1 teapot.</summary>
    private static Order Delivered()
    {
        var order = new OrderBuilder().WithPaymentStatus(PaymentStatus.Paid).WithLine("MUG", 3, 12m).WithLine("POT", 1, 30m).Build();
        typeof(Order).GetProperty(nameof(Order.Id))!.SetValue(order, 7L);
        order.ChangeStatus(InProcess, Rules, Anna, null, Now);
        order.ChangeStatus(OrderStatuses.Delivered, Rules, Anna, null, Now);
        return order;
    }

    [Fact]
    public void ACustomerAsksToReturnSomeUnitsOfADeliveredOrder()
    {
        var request = ReturnRequest.Create(Delivered(), [new ReturnPick(1, 2), new ReturnPick(2, 0)], "Too small", Now);

        request.Status.ShouldBe(ReturnRequestStatus.Pending);
        request.Lines.Select(l => (l.Sku, l.Quantity)).ShouldBe([("MUG", 2)]);
        (request.Email, request.OrderNumber, request.Reason).ShouldBe(("ada@example.com", "100001", "Too small"));
    }

    [Theory]
    [InlineData(1, 4, "between 1 and 3")]
    [InlineData(1, -1, "between 1 and 3")]
    [InlineData(9, 1, "not on this order")]
    [InlineData(1, 0, "at least one item")]
    public void PicksOutsideTheOrderAreRefused(int position, int quantity, string message) =>
        Should.Throw<DomainException>(() => ReturnRequest.Create(Delivered(), [new ReturnPick(position, quantity)], "Why", Now))
            .Message.ShouldContain(message);

    [Fact]
    public void AReasonIsRequiredAndAnOrderNotYetSentCannotBeReturned()
    {
        Should.Throw<DomainException>(() => ReturnRequest.Create(Delivered(), [new ReturnPick(1, 1)], " ", Now)).Message.ShouldContain("reason");
        var incoming = new OrderBuilder().WithPaymentStatus(PaymentStatus.Paid).Build();
        typeof(Order).GetProperty(nameof(Order.Id))!.SetValue(incoming, 8L);
        ReturnRequest.IsReturnable(incoming).ShouldBeFalse();
        Should.Throw<DomainException>(() => ReturnRequest.Create(incoming, [new ReturnPick(1, 1)], "Why", Now)).Message.ShouldContain("cannot be returned online");
    }

    [Fact]
    public void AcceptingMovesTheOrderToRefundRequestedAndIsDecidedOnce()
    {
        var order = Delivered();
        var request = ReturnRequest.Create(order, [new ReturnPick(2, 1)], "Chipped", Now);

        var change = request.Accept(order, Rules, Anna, Now).ShouldNotBeNull();

        order.Status.ShouldBe(RefundRequested);
        (change.FromCode, change.ToCode).ShouldBe((OrderStatuses.Delivered, RefundRequested));
        (request.Status, request.DecidedBy, request.DecidedAt).ShouldBe((ReturnRequestStatus.Accepted, "Anna Manager", (DateTime?)Now));
        request.DomainEvents.OfType<ReturnRequestDecided>().Count().ShouldBe(1);
        Should.Throw<DomainException>(() => request.Refuse("No", Anna, Now)).Message.ShouldContain("accepted already by Anna Manager");
        Should.Throw<DomainException>(() => request.Accept(order, Rules, Anna, Now));
        request.DomainEvents.Count.ShouldBe(1);
    }

    [Fact]
    public void AcceptingForAnOrderAManagerAlreadyMovedToRefundRequestedLeavesItsStatusAlone()
    {
        var order = Delivered();
        var request = ReturnRequest.Create(order, [new ReturnPick(1, 1)], "Wrong size", Now);
        order.ChangeStatus(RefundRequested, Rules, Anna, "Customer phoned", Now);
        var sequence = order.StatusSequence;

        request.Accept(order, Rules, Anna, Now).ShouldBeNull();

        request.Status.ShouldBe(ReturnRequestStatus.Accepted);
        (order.Status, order.StatusSequence).ShouldBe((RefundRequested, sequence));
    }

    [Fact]
    public void RefusingNeedsAReasonAndLeavesTheOrderAsItWas()
    {
        var order = Delivered();
        var request = ReturnRequest.Create(order, [new ReturnPick(1, 1)], "Changed my mind", Now);

        Should.Throw<DomainException>(() => request.Refuse("", Anna, Now)).Message.ShouldContain("reason");
        request.Status.ShouldBe(ReturnRequestStatus.Pending);
        request.Refuse("Past the 30-day return period", Anna, Now);

        (request.Status, request.RefusalReason).ShouldBe((ReturnRequestStatus.Refused, "Past the 30-day return period"));
        order.Status.ShouldBe(Completed);
        order.SubStatus.ShouldBe(OrderStatuses.Delivered);
    }
}
