using System.Net;
using System.Text.Json.Nodes;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Fulfilment.Carriers;
using CommerceDesk.Web.Fulfilment.Deliveries;
using CommerceDesk.Web.Orders.Billing;
using CommerceDesk.Web.Orders.Statuses;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Fulfilment;

/// <summary>
/// Stock, deliveries and the public tracking page through the running app on a real database: orders pushed by the
/// storefront, confirmed, cancelled, picked, shipped and delivered as managers do it.
/// </summary>
public abstract class FulfilmentFlowTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : FulfilmentFlowTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : FulfilmentFlowTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Ann = new("u-ann", "Ann");
    private static readonly Actor Ben = new("u-ben", "Ben");

    private readonly HttpClient _storefront = factory.CreateStorefrontClient();
    private CarrierSettings Settings => factory.Services.GetRequiredService<CarrierSettings>();
    private AdvanceDelivery Advance => factory.Services.GetRequiredService<AdvanceDelivery>();

    [Fact]
    public async Task AnOrderArrivingPaidOnlineReservesItsStockAndGetsItsDelivery()
    {
        var sku = await ProductAsync(onHand: 5);

        var orderId = await PushOrderAsync(sku, quantity: 2, kind: "online", paymentStatus: "paid");

        (await StockAsync(sku)).ShouldBe((5, 2, 3));
        (await DeliveryAsync(orderId))!.StockState.ShouldBe(DeliveryStockState.Reserved);
    }

    [Fact]
    public async Task AnOfflineOrderReservesNothingUntilItsPaymentIsConfirmed()
    {
        var sku = await ProductAsync(onHand: 5);
        var orderId = await PushOrderAsync(sku, quantity: 2, kind: "offline", paymentStatus: "paid");

        (await StockAsync(sku)).ShouldBe((5, 0, 5));
        (await DeliveryAsync(orderId)).ShouldBeNull();

        await ConfirmAsync(orderId);

        (await StockAsync(sku)).ShouldBe((5, 2, 3));
    }

    [Fact]
    public async Task CancellingAConfirmedOrderReleasesItsStock()
    {
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 4);

        var outcome = await ChangeStatusAsync(orderId, OrderStatuses.Cancelled);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        (await StockAsync(sku)).ShouldBe((5, 0, 5));
        (await DeliveryAsync(orderId))!.IsCancelled.ShouldBeTrue();
    }

    [Fact]
    public async Task AConfirmationWhoseSaveFailsReservesNothing()
    {
        var sku = await ProductAsync(onHand: 5);
        var orderId = await PushOrderAsync(sku, quantity: 2, kind: "offline", paymentStatus: "pending");
        await using var stale = factory.CreateDbContext();
        var order = await stale.Orders.SingleAsync(o => o.Id == orderId);
        // Another manager changes the order meanwhile: this copy's version is out of date.
        (await ChangeStatusAsync(orderId, OrderStatuses.InProcess)).Succeeded.ShouldBeTrue();

        order.ConfirmOfflinePayment();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());

        // The stock UPDATE ran in the save's transaction, which the failed save rolled back.
        (await StockAsync(sku)).ShouldBe((5, 0, 5));
        (await DeliveryAsync(orderId)).ShouldBeNull();
    }

    [Fact]
    public async Task OrdersConfirmedBeyondTheStockShowTheProductOversold()
    {
        var sku = await ProductAsync(onHand: 1);

        await ConfirmedOrderAsync(sku, quantity: 3);

        (await StockAsync(sku)).ShouldBe((1, 3, -2));
    }

    [Fact]
    public async Task ConcurrentConfirmationsOfOneProductAllCount()
    {
        var sku = await ProductAsync(onHand: 100);
        var orders = new List<long>();
        for (var i = 0; i < 8; i++) orders.Add(await PushOrderAsync(sku, quantity: 1 + i % 2, kind: "offline", paymentStatus: "pending"));

        await Task.WhenAll(orders.Select(id => Task.Run(() => ConfirmAsync(id))));

        (await StockAsync(sku)).ShouldBe((100, 12, 88));
    }

    [Fact]
    public async Task ShippingIsRefusedBeforePickingWhenThePickStepIsConfigured()
    {
        await RouteAsync(DeliveryRoute.PickShip);
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 1);
        var carrier = await CarrierAsync();

        var ship = await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, await VersionAsync(orderId), carrier, "JD1"), Ann);

        ship.Succeeded.ShouldBeFalse();
        ship.Message.ShouldBe("Pick the order first: the delivery's steps are Pick → Ship.");
        (await StockAsync(sku)).ShouldBe((5, 1, 4));
        (await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Pick, await VersionAsync(orderId)), Ann)).Succeeded.ShouldBeTrue();
        (await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, await VersionAsync(orderId), carrier, "JD1"), Ann)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ShippingConsumesTheStockAndMovesTheOrderOnTransitInItsHistory()
    {
        await RouteAsync(DeliveryRoute.ShipOnly);
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 2);
        var carrier = await CarrierAsync();

        var ship = await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, await VersionAsync(orderId), carrier, "JD 01/2"), Ann);

        ship.Succeeded.ShouldBeTrue(ship.Message);
        (await StockAsync(sku)).ShouldBe((3, 0, 3));
        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        (order.Status, order.SubStatus).ShouldBe((OrderStatuses.Completed, OrderStatuses.OnTransit));
        var history = await db.OrderStatusHistory.Where(h => h.OrderId == orderId).ToListAsync();
        history.ShouldHaveSingleItem();
        (history[0].ToCode, history[0].ChangedBy).ShouldBe((OrderStatuses.OnTransit, "Ann"));
        (await DeliveryAsync(orderId))!.TrackingUrl.ShouldEndWith("?n=JD%2001%2F2");
    }

    [Fact]
    public async Task OfTwoManagersShippingAtOnceOneWinsAndTheOtherIsToldWho()
    {
        await RouteAsync(DeliveryRoute.ShipOnly);
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 2);
        var carrier = await CarrierAsync();
        var version = await VersionAsync(orderId);

        var outcomes = await Task.WhenAll(
            Task.Run(() => Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, version, carrier, "A1"), Ann)),
            Task.Run(() => Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, version, carrier, "B1"), Ben)));

        outcomes.Count(o => o.Succeeded).ShouldBe(1);
        var winner = (await DeliveryAsync(orderId))!.ShippedBy;
        outcomes.Single(o => !o.Succeeded).Message.ShouldBe($"This delivery was changed by {winner}; reload");
        (await StockAsync(sku)).ShouldBe((3, 0, 3));
    }

    [Fact]
    public async Task MarkDeliveredQueuesTheDeliveryDoneEmailExactlyOnce()
    {
        await RouteAsync(DeliveryRoute.ShipOnly);
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 1);
        var carrier = await CarrierAsync();
        await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, await VersionAsync(orderId), carrier, "JD9"), Ann);
        var version = await VersionAsync(orderId);

        var first = await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Deliver, version), Ann);
        var again = await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Deliver, version + 1), Ben);

        first.Succeeded.ShouldBeTrue(first.Message);
        again.Message.ShouldBe("This delivery is delivered already.");
        await using var db = factory.CreateDbContext();
        var mail = await db.Set<OutboxMessage>().Where(m => m.DedupeKey == SendDeliveryDoneEmail.DedupeKey(orderId)).ToListAsync();
        mail.ShouldHaveSingleItem().To.ShouldBe("ada@example.com");
        mail[0].Subject.ShouldContain("has been delivered");
        mail[0].TextBody.ShouldContain("JD9");
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        (order.Status, order.SubStatus).ShouldBe((OrderStatuses.Completed, OrderStatuses.Delivered));
    }

    [Fact]
    public async Task ARefundBeforeShippingReleasesTheReservation()
    {
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 2);

        await RefundAsync(orderId);

        (await StockAsync(sku)).ShouldBe((5, 0, 5));
    }

    [Fact]
    public async Task ARefundAfterShippingReturnsTheGoodsToStock()
    {
        await RouteAsync(DeliveryRoute.ShipOnly);
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 2);
        await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, await VersionAsync(orderId), await CarrierAsync(), "R1"), Ann);
        (await StockAsync(sku)).ShouldBe((3, 0, 3));

        await RefundAsync(orderId);

        (await StockAsync(sku)).ShouldBe((5, 0, 5));
        (await DeliveryAsync(orderId))!.StockState.ShouldBe(DeliveryStockState.Returned);
    }

    [Fact]
    public async Task TheTrackingPageShowsStatusCarrierLinkAndLinesButNothingAboutTheCustomer()
    {
        await RouteAsync(DeliveryRoute.ShipOnly);
        var sku = await ProductAsync(onHand: 5);
        var orderId = await ConfirmedOrderAsync(sku, quantity: 2);
        await Advance.RunAsync(new DeliveryCommand(orderId, DeliveryStep.Ship, await VersionAsync(orderId), await CarrierAsync(), "JD 7"), Ann);

        var response = await PublicClient().GetAsync($"/track/{await TokenAsync(orderId)}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Order SO-1001");
        html.ShouldContain("Completed");
        html.ShouldContain("On transit");
        html.ShouldContain("?n=JD%207");
        html.ShouldContain($"Product {sku}");
        html.ShouldNotContain("ada@example.com");
        html.ShouldNotContain("/orders/"); // no link into the back office
    }

    [Fact]
    public async Task AnUnknownTokenGetsAPlainNotFoundPage()
    {
        var response = await PublicClient().GetAsync($"/track/{new string('x', 43)}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("Order not found");
        html.ShouldNotContain("Sign in");
    }

    [Fact]
    public async Task TheOrderConfirmationLinksToTheTrackingPage()
    {
        var orderId = await PushOrderAsync(await ProductAsync(onHand: 1), quantity: 1, kind: "online", paymentStatus: "pending");

        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        var confirmation = await db.Set<OutboxMessage>().SingleAsync(m => m.DedupeKey == $"order-confirmation:{order.ChannelId}:{order.ExternalId}");
        confirmation.TextBody.ShouldContain($"http://localhost:5000/track/{order.TrackingToken}");
    }

    private HttpClient PublicClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> ProductAsync(int onHand)
    {
        var sku = NewId("sku");
        var body = new JsonObject { ["name"] = $"Product {sku}", ["price"] = 9.5m, ["onHand"] = onHand, ["updatedAt"] = T0.ToString("O") };
        (await _storefront.PutAsync("products", sku, body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        return sku;
    }

    private async Task<long> PushOrderAsync(string sku, int quantity, string kind, string paymentStatus)
    {
        var order = Order(paymentStatus: paymentStatus, kind: kind);
        order["lines"] = new JsonArray(Line(sku, quantity, 9.5m));
        var response = await _storefront.PutAsync("orders", NewId("ord"), order);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync())["id"]!.GetValue<long>();
    }

    private async Task<long> ConfirmedOrderAsync(string sku, int quantity)
    {
        var orderId = await PushOrderAsync(sku, quantity, kind: "offline", paymentStatus: "pending");
        await ConfirmAsync(orderId);
        return orderId;
    }

    /// <summary>A manager confirms that the offline payment arrived.</summary>
    private async Task ConfirmAsync(long orderId)
    {
        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        order.ConfirmOfflinePayment();
        await db.SaveChangesAsync();
    }

    /// <summary>A manager refunds the order in full from its page: its OrderRefunded is handled in the refund's save.</summary>
    private async Task RefundAsync(long orderId)
    {
        Order order;
        await using (var db = factory.CreateDbContext()) order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        var refunded = await factory.Services.GetRequiredService<OrderBilling>()
            .RefundAsync(orderId, "Returned", Ann, new OrderSeen(order.Version, order.BillingSequence, order.StatusSequence));
        refunded.Succeeded.ShouldBeTrue(refunded.Message);
    }

    private async Task<StatusChangeOutcome> ChangeStatusAsync(long orderId, string to)
    {
        await using var db = factory.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        return await factory.Services.GetRequiredService<ChangeOrderStatus>().RunAsync(orderId, to, null, Ann, order.Version, order.StatusSequence);
    }

    private async Task<(int OnHand, int Reserved, int Available)> StockAsync(string sku)
    {
        var body = await (await _storefront.GetRecordAsync("products", sku)).JsonAsync();
        return (body["onHand"]!.GetValue<int>(), body["reserved"]!.GetValue<int>(), body["available"]!.GetValue<int>());
    }

    private async Task<Delivery?> DeliveryAsync(long orderId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.OrderId == orderId);
    }

    private async Task<int> VersionAsync(long orderId) => (await DeliveryAsync(orderId))!.Version;

    private async Task<string> TokenAsync(long orderId)
    {
        await using var db = factory.CreateDbContext();
        return (await db.Orders.Where(o => o.Id == orderId).Select(o => o.TrackingToken).SingleAsync())!;
    }

    private async Task RouteAsync(DeliveryRoute route)
    {
        var (_, version) = await Settings.RouteAsync();
        (await Settings.ChangeRouteAsync(route, version)).Succeeded.ShouldBeTrue();
    }

    private async Task<long> CarrierAsync()
    {
        var name = NewId("Carrier");
        (await Settings.AddAsync(name, "https://parcels.example/track?n={tracking}")).Succeeded.ShouldBeTrue();
        return (await Settings.ListAsync()).Single(c => c.Name == name).Id;
    }
}
