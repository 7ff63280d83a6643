using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Products;
using CommerceDesk.Tests.Support;
using Shouldly;

namespace CommerceDesk.Tests.Domain;

public class StockAndDeliveryTests
{
    private static readonly Actor Ann = new("u-ann", "Ann");
    private static readonly Carrier Dhl = new("DHL", "https://track.example/dhl?awb={tracking}");

    [Fact]
    public void AnOfflineOrderAwaitingPaymentIsNotConfirmedSoReservesNothing()
    {
        var order = new OrderBuilder().PaidBy(PaymentKind.Offline, "bank-transfer").WithPaymentStatus(PaymentStatus.Paid).Build();

        order.DomainEvents.OfType<OrderConfirmed>().ShouldBeEmpty();
        Should.Throw<DomainException>(() => Delivery.ForConfirmed(order, DeliveryRoute.ShipOnly, Clock.Start))
            .Message.ShouldBe("Only a confirmed order (a sales order) gets a delivery.");
    }

    [Fact]
    public void ConfirmingTheOfflinePaymentReservesTheOrderedQuantities()
    {
        var order = new OrderBuilder().PaidBy(PaymentKind.Offline, "bank-transfer").WithLine("MUG", 2).WithLine("CUP", 1).WithLine("MUG", 1).Build();
        var mug = Stocked("MUG", onHand: 10);

        order.ConfirmOfflinePayment();
        var delivery = Delivery.ForConfirmed(order, DeliveryRoute.ShipOnly, Clock.Start);
        Book(delivery.Reservation, mug);

        order.DomainEvents.OfType<OrderConfirmed>().ShouldHaveSingleItem();
        delivery.Reservation.ShouldBe([new StockMovement("MUG", 3, 0), new StockMovement("CUP", 1, 0)]);
        (mug.OnHand, mug.Reserved, mug.Available).ShouldBe((10, 3, 7));
    }

    [Fact]
    public void ReservingBeyondTheStockIsAllowedAndShowsAsOversold()
    {
        var mug = Stocked("MUG", onHand: 1);

        Book(Confirmed(("MUG", 3)).Reservation, mug);

        mug.Available.ShouldBe(-2);
        mug.IsOversold.ShouldBeTrue();
    }

    [Fact]
    public void CancellingReleasesWhatIsReservedAndLeavesOnHandAlone()
    {
        var mug = Stocked("MUG", onHand: 10);
        var delivery = Confirmed(("MUG", 4));
        Book(delivery.Reservation, mug);

        Book(delivery.Cancel(Clock.Start), mug);

        (mug.OnHand, mug.Reserved).ShouldBe((10, 0));
        delivery.IsCancelled.ShouldBeTrue();
        delivery.NextStep.ShouldBeNull();
        delivery.Cancel(Clock.Start).ShouldBeEmpty(); // a second cancellation releases nothing more
    }

    [Fact]
    public void ShippingConsumesTheReservation()
    {
        var mug = Stocked("MUG", onHand: 10);
        var delivery = Confirmed(("MUG", 3));
        Book(delivery.Reservation, mug);

        Book(delivery.Ship(Dhl, "JD 0001/7", Ann, Clock.Start), mug);

        (mug.OnHand, mug.Reserved).ShouldBe((7, 0));
        delivery.StockState.ShouldBe(DeliveryStockState.Shipped);
        delivery.TrackingUrl.ShouldBe("https://track.example/dhl?awb=JD%200001%2F7");
    }

    [Fact]
    public void RefundingBeforeShippingReleasesTheReservation()
    {
        var mug = Stocked("MUG", onHand: 10);
        var delivery = Confirmed(("MUG", 3));
        Book(delivery.Reservation, mug);

        Book(delivery.Refund(Clock.Start), mug);

        (mug.OnHand, mug.Reserved).ShouldBe((10, 0));
    }

    [Fact]
    public void RefundingAfterShippingReturnsTheQuantitiesOnHand()
    {
        var mug = Stocked("MUG", onHand: 10);
        var delivery = Confirmed(("MUG", 3));
        Book(delivery.Reservation, mug);
        Book(delivery.Ship(Dhl, "1", Ann, Clock.Start), mug);

        Book(delivery.Refund(Clock.Start), mug);

        (mug.OnHand, mug.Reserved).ShouldBe((10, 0));
        delivery.StockState.ShouldBe(DeliveryStockState.Returned);
        delivery.Refund(Clock.Start).ShouldBeEmpty();
    }

    [Fact]
    public void CancellingAShippedDeliveryReleasesNothing()
    {
        var delivery = Confirmed(("MUG", 3));
        delivery.Ship(Dhl, "1", Ann, Clock.Start);

        delivery.Cancel(Clock.Start).ShouldBeEmpty();
        delivery.IsCancelled.ShouldBeFalse();
    }

    [Fact]
    public void ShippingBeforePickingIsRefusedWhenTheRouteHasAPickStep()
    {
        var delivery = Confirmed(DeliveryRoute.PickShip, ("MUG", 1));

        Should.Throw<DomainException>(() => delivery.Ship(Dhl, "1", Ann, Clock.Start))
            .Message.ShouldBe("Pick the order first: the delivery's steps are Pick → Ship.");
        delivery.NextStep.ShouldBe(DeliveryStep.Pick);
    }

    [Fact]
    public void StepsGoInTheirOrderAndDeliveredComesLast()
    {
        var delivery = Confirmed(DeliveryRoute.PickPackShip, ("MUG", 1));

        Should.Throw<DomainException>(() => delivery.Pack(Ann, Clock.Start)).Message.ShouldStartWith("Pick the order first");
        delivery.Pick(Ann, Clock.Start);
        Should.Throw<DomainException>(() => delivery.MarkDelivered(Ann, Clock.Start)).Message.ShouldStartWith("Pack the order first");
        delivery.Pack(Ann, Clock.Start);
        delivery.Ship(Dhl, "1", Ann, Clock.Start);
        delivery.NextStep.ShouldBe(DeliveryStep.Deliver);
        delivery.MarkDelivered(Ann, Clock.Start);

        delivery.NextStep.ShouldBeNull();
        Should.Throw<DomainException>(() => delivery.MarkDelivered(Ann, Clock.Start)).Message.ShouldBe("This delivery is delivered already.");
    }

    [Fact]
    public void ARouteWithoutAPackStepRefusesPacking()
    {
        var delivery = Confirmed(DeliveryRoute.ShipOnly, ("MUG", 1));

        Should.Throw<DomainException>(() => delivery.Pack(Ann, Clock.Start)).Message.ShouldStartWith("Ship the order first");
    }

    [Fact]
    public void ShippingNeedsATrackingNumber() =>
        Should.Throw<DomainException>(() => Confirmed(("MUG", 1)).Ship(Dhl, "  ", Ann, Clock.Start)).Message.ShouldBe("Tracking number is required.");

    [Fact]
    public void ShippingMovesTheOrderToOnTransitThroughTheStatusHistoryAndRaisesOrderShipped()
    {
        var order = new OrderBuilder().WithPaymentStatus(PaymentStatus.Paid).Build();
        var delivery = Delivery.ForConfirmed(order, DeliveryRoute.ShipOnly, Clock.Start);
        order.ClearDomainEvents();
        delivery.Ship(Dhl, "JD1", Ann, Clock.Start);

        var change = order.RecordShipment(delivery, new OrderStatusRules(DefaultOrderStatuses.Create()), Ann, Clock.Start)!;

        (order.Status, order.SubStatus).ShouldBe((OrderStatuses.Completed, OrderStatuses.OnTransit));
        (change.FromCode, change.ToCode, change.ChangedBy).ShouldBe((OrderStatuses.Incoming, OrderStatuses.OnTransit, "Ann"));
        order.DomainEvents.OfType<OrderShipped>().ShouldHaveSingleItem().ShouldBe(new OrderShipped(order, "DHL", "JD1", Clock.Start));
        order.DomainEvents.OfType<OrderStatusChanged>().ShouldHaveSingleItem();
    }

    [Fact]
    public void ACarrierTemplateNeedsThePlaceForTheTrackingNumber()
    {
        Should.Throw<DomainException>(() => new Carrier("DHL", "https://track.example/dhl")).Message.ShouldContain("{tracking}");
        Should.Throw<DomainException>(() => new Carrier("DHL", "javascript:alert({tracking})")).Message.ShouldContain("https://");
    }

    [Fact]
    public void AProductFirstSeenOnALineHasNothingOnHandAndTakesItsFirstPush()
    {
        var order = new OrderBuilder().WithLine("MUG", 2, 12.5m).Build();
        var product = Product.FromLine(1, order.Lines[0], "EUR", Clock.Start);

        (product.Sku, product.Name, product.Price, product.OnHand).ShouldBe(("MUG", "MUG name", new Money(12.5m, "EUR"), 0));
        product.Update(new ProductDetails("Mug", new Money(14m, "EUR"), 8), Clock.Start.AddDays(-30)).ShouldBeTrue();
        product.Update(new ProductDetails("Old mug", new Money(1m, "EUR"), 1), Clock.Start.AddDays(-31)).ShouldBeFalse();
        (product.Name, product.OnHand).ShouldBe(("Mug", 8));
    }

    [Fact]
    public void EachOrderGetsItsOwnUnguessableTrackingToken()
    {
        var first = new OrderBuilder().Build();
        var second = new OrderBuilder().WithExternalId("order-2").Build();

        first.TrackingToken!.Length.ShouldBe(43);
        first.TrackingToken.ShouldNotBe(second.TrackingToken);
        first.TrackingToken.ShouldMatch("^[A-Za-z0-9_-]+$");
    }

    private static Product Stocked(string sku, int onHand) =>
        new(1, sku, new ProductDetails(sku, new Money(5m, "EUR"), onHand), Clock.Start, Clock.Start);

    private static Delivery Confirmed(params (string Sku, int Quantity)[] lines) => Confirmed(DeliveryRoute.ShipOnly, lines);

    private static Delivery Confirmed(DeliveryRoute route, params (string Sku, int Quantity)[] lines)
    {
        var builder = new OrderBuilder().WithPaymentStatus(PaymentStatus.Paid);
        foreach (var (sku, quantity) in lines) builder.WithLine(sku, quantity);
        return Delivery.ForConfirmed(builder.Build(), route, Clock.Start);
    }

    private static void Book(IEnumerable<StockMovement> movements, params Product[] products)
    {
        foreach (var movement in movements)
            products.SingleOrDefault(p => p.Sku == movement.Sku)?.Apply(movement);
    }
}
