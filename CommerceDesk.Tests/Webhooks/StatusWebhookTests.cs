using System.Text;
using System.Text.Json.Nodes;
using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Webhooks;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Fulfilment.Deliveries;
using CommerceDesk.Web.Orders.Billing;
using CommerceDesk.Web.Orders.Statuses;
using CommerceDesk.Web.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommerceDesk.Tests.Webhooks;

/// <summary>
/// A channel's status webhook end to end on a real database and a real HTTP receiver: queued in the save of the change,
/// POSTed signed by the sender job, retried after a failure, and never delivered twice by two runs at once.
/// </summary>
public abstract class StatusWebhookTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : StatusWebhookTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : StatusWebhookTests(DatabaseProvider.Postgres);

    private const string Secret = "a-long-shared-secret-0123456789";
    private static readonly Actor Anna = new("u-anna", "Anna Manager");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private string _database = "";
    private IDbContextFactory<CommerceDbContext> _factory = null!;
    private long _channelId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _factory = TestDatabase.Factory(_database, AppEventHandlers.Interceptor(_time));
        await new OrderStatusSeeder(_factory).SeedAsync(CancellationToken.None);
        await using var db = _factory.CreateDbContext();
        var channel = new Channel("web", "Web shop", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        _channelId = channel.Id;
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_database);
        return Task.CompletedTask;
    }

    private async Task SetWebhookAsync(string url)
    {
        await using var db = _factory.CreateDbContext();
        (await db.Channels.SingleAsync(c => c.Id == _channelId)).SetStatusWebhook(url, Secret);
        await db.SaveChangesAsync();
    }

    private async Task<long> PlaceAsync(string number)
    {
        await using var db = _factory.CreateDbContext();
        var order = new OrderBuilder().InChannel(_channelId).WithExternalId($"ext-{number}").WithNumber(number).Build();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    private async Task MoveAsync(long orderId, string status)
    {
        await using var db = _factory.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        var outcome = await new ChangeOrderStatus(_factory, _time, NullLogger<ChangeOrderStatus>.Instance)
            .RunAsync(orderId, status, null, Anna, order.Version, order.StatusSequence);
        outcome.Succeeded.ShouldBeTrue(outcome.Message);
    }

    private async Task<long> PlacePaidAsync(string number)
    {
        await using var db = _factory.CreateDbContext();
        // Paid online: confirmed as it is stored, so it gets its delivery in the same save.
        var order = new OrderBuilder().InChannel(_channelId).WithExternalId($"ext-{number}").WithNumber(number)
            .PaidBy(PaymentKind.Online).WithPaymentStatus(PaymentStatus.Paid).Build();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    private async Task<JsonNode> QueuedPayloadAsync(string eventType) =>
        JsonNode.Parse((await DeliveriesAsync()).Where(d => d.EventType == eventType).ShouldHaveSingleItem().Payload)!;

    private async Task<bool> IsCustomerVisibleAsync(string code)
    {
        await using var db = _factory.CreateDbContext();
        return await db.OrderStatusDefinitions.Where(d => d.Code == code).Select(d => d.CustomerVisible).SingleAsync();
    }

    private WebhookSender Sender()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = WebhookSender.Timeout);
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new WebhookSender(_factory, clients, _time, NullLogger<WebhookSender>.Instance);
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    [Fact]
    public async Task ACustomerVisibleStatusChangeIsQueuedInItsSaveAndAStaffOnlyOneIsNot()
    {
        (await IsCustomerVisibleAsync(OrderStatuses.InProcess)).ShouldBeTrue();
        await SetWebhookAsync("https://shop.example.com/hooks/order-status");
        var id = await PlaceAsync("W-1");

        await MoveAsync(id, OrderStatuses.InProcess);

        var queued = (await DeliveriesAsync()).ShouldHaveSingleItem();
        queued.EventType.ShouldBe(StatusWebhookPayload.StatusChanged);
        var json = JsonNode.Parse(queued.Payload)!;
        json["eventId"]!.GetValue<Guid>().ShouldBe(queued.EventId);
        json["channel"]!.GetValue<string>().ShouldBe("web");
        json["order"]!["externalId"]!.GetValue<string>().ShouldBe("ext-W-1");
        json["order"]!["number"]!.GetValue<string>().ShouldBe("W-1");
        json["status"]!["code"]!.GetValue<string>().ShouldBe(OrderStatuses.InProcess);
        json["occurredAt"].ShouldNotBeNull();

        await using (var db = _factory.CreateDbContext())
        {
            var next = await db.OrderStatusDefinitions.SingleAsync(d => d.Code == OrderStatuses.OnTransit);
            next.Edit(next.Name, next.Colour, customerVisible: false, next.AllowedNext, next.CustomerTemplateKey, next.EmailStaff);
            await db.SaveChangesAsync();
        }
        await MoveAsync(id, OrderStatuses.OnTransit);
        (await DeliveriesAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AChannelWithoutAWebhookQueuesNothing()
    {
        var id = await PlaceAsync("W-1");

        await MoveAsync(id, OrderStatuses.InProcess);

        (await DeliveriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheSenderPostsTheQueuedBodySignedWithTheChannelsSecret()
    {
        await using var receiver = new LoopbackWebhookReceiver();
        await SetWebhookAsync(receiver.Url);
        await MoveAsync(await PlaceAsync("W-1"), OrderStatuses.InProcess);

        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(1);

        var request = receiver.Requests.ShouldHaveSingleItem();
        var queued = (await DeliveriesAsync()).Single();
        Encoding.UTF8.GetString(request.Body).ShouldBe(queued.Payload);
        WebhookSignature.Verify(request.Body, Secret, request.Signature).ShouldBeTrue();
        request.Signature.ShouldBe("sha256=" + Convert.ToHexStringLower(
            System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body)));
        WebhookSignature.Verify(request.Body, "another-secret-0123456789", request.Signature).ShouldBeFalse();
        request.EventId.ShouldBe(queued.EventId.ToString());
        request.EventType.ShouldBe(StatusWebhookPayload.StatusChanged);
        request.ContentType.ShouldStartWith("application/json");
        queued.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        queued.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A503IsRetriedAfterTheBackOffAndThenDelivered()
    {
        await using var receiver = new LoopbackWebhookReceiver(503);
        await SetWebhookAsync(receiver.Url);
        await MoveAsync(await PlaceAsync("W-1"), OrderStatuses.InProcess);

        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(0);
        var failed = (await DeliveriesAsync()).Single();
        failed.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        failed.Attempts.ShouldBe(1);
        failed.LastError!.ShouldContain("503");
        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(0); // not due yet: the back-off holds it

        _time.Advance(WebhookDelivery.RetryDelay(1));
        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(1);

        receiver.Requests.Count.ShouldBe(2);
        receiver.Requests.Select(r => r.EventId).Distinct().ShouldHaveSingleItem();
        var delivered = (await DeliveriesAsync()).Single();
        delivered.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        delivered.Attempts.ShouldBe(2);
        delivered.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task ARefusedConnectionIsKeptForALaterAttempt()
    {
        await SetWebhookAsync($"http://127.0.0.1:{LoopbackPort.Free()}/nobody-listens");
        await MoveAsync(await PlaceAsync("W-1"), OrderStatuses.InProcess);

        (await Sender().RunAsync(CancellationToken.None)).ShouldBe(0);

        var pending = (await DeliveriesAsync()).Single();
        pending.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        pending.LastError!.ShouldStartWith("Could not reach the receiver");
    }

    [Fact]
    public async Task TwoSenderRunsAtOnceDeliverEveryEventExactlyOnce()
    {
        await using var receiver = new LoopbackWebhookReceiver();
        await SetWebhookAsync(receiver.Url);
        for (var n = 1; n <= 12; n++) await MoveAsync(await PlaceAsync($"W-{n}"), OrderStatuses.InProcess);

        var runs = await Task.WhenAll(Task.Run(() => Sender().RunAsync(CancellationToken.None)), Task.Run(() => Sender().RunAsync(CancellationToken.None)));

        runs.Sum().ShouldBe(12);
        receiver.Requests.Count.ShouldBe(12);
        receiver.Requests.Select(r => r.EventId).Distinct().Count().ShouldBe(12);
        (await DeliveriesAsync()).ShouldAllBe(d => d.Status == WebhookDeliveryStatus.Delivered && d.Attempts == 1);
    }

    [Fact]
    public async Task AShipmentIsQueuedInItsSaveWithTheCarrierAndTrackingNumber()
    {
        await SetWebhookAsync("https://shop.example.com/hooks/order-status");
        var id = await PlacePaidAsync("W-S");
        long carrierId;
        int deliveryVersion;
        await using (var db = _factory.CreateDbContext())
        {
            var carrier = new Carrier("Parcel Post", "https://parcels.example/track?n={tracking}");
            db.Carriers.Add(carrier);
            await db.SaveChangesAsync();
            carrierId = carrier.Id;
            deliveryVersion = (await db.Deliveries.AsNoTracking().SingleAsync(d => d.OrderId == id)).Version;
        }

        var shipped = await new AdvanceDelivery(_factory, _time, NullLogger<AdvanceDelivery>.Instance)
            .RunAsync(new DeliveryCommand(id, DeliveryStep.Ship, deliveryVersion, carrierId, "PP-77"), Anna);

        shipped.Succeeded.ShouldBeTrue(shipped.Message);
        var json = await QueuedPayloadAsync(StatusWebhookPayload.Shipped);
        json["eventType"]!.GetValue<string>().ShouldBe("order.shipped");
        json["order"]!["externalId"]!.GetValue<string>().ShouldBe("ext-W-S");
        json["shipment"]!["carrier"]!.GetValue<string>().ShouldBe("Parcel Post");
        json["shipment"]!["trackingNumber"]!.GetValue<string>().ShouldBe("PP-77");
        json["refund"].ShouldBeNull();
    }

    [Fact]
    public async Task AFullRefundIsQueuedInItsSaveWithItsAmountAndCurrency()
    {
        await SetWebhookAsync("https://shop.example.com/hooks/order-status");
        var id = await PlacePaidAsync("W-R");
        OrderSeen seen;
        await using (var db = _factory.CreateDbContext())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id);
            seen = new OrderSeen(order.Version, order.BillingSequence, order.StatusSequence);
        }

        var refunded = await new OrderBilling(_factory, _time, NullLogger<OrderBilling>.Instance).RefundAsync(id, "Sent back", Anna, seen);

        refunded.Succeeded.ShouldBeTrue(refunded.Message);
        var json = await QueuedPayloadAsync(StatusWebhookPayload.Refunded);
        json["order"]!["externalId"]!.GetValue<string>().ShouldBe("ext-W-R");
        json["refund"]!["amount"]!.GetValue<decimal>().ShouldBe(12m);
        json["refund"]!["currency"]!.GetValue<string>().ShouldBe("EUR");
        json["shipment"].ShouldBeNull();
    }

    [Fact]
    public async Task TwoSenderRunsAtOnceEachDeliverAFullBatch()
    {
        await using var receiver = new LoopbackWebhookReceiver();
        await SetWebhookAsync(receiver.Url);
        await using (var db = _factory.CreateDbContext())
        {
            var now = _time.GetUtcNow().UtcDateTime;
            db.WebhookDeliveries.AddRange(Enumerable.Range(1, 2 * WebhookSender.Budget).Select(n => new WebhookDelivery(
                Guid.NewGuid(), $"batch:{n}", _channelId, $"W-{n}", StatusWebhookPayload.StatusChanged, $"{{\"order\":\"W-{n}\"}}", now)));
            await db.SaveChangesAsync();
        }

        // Both runs (as on two nodes) race for the same events; one the other run won is not part of this run's batch.
        var runs = await Task.WhenAll(Task.Run(() => Sender().RunAsync(CancellationToken.None)), Task.Run(() => Sender().RunAsync(CancellationToken.None)));

        runs.ShouldBe([WebhookSender.Budget, WebhookSender.Budget]);
        receiver.Requests.Select(r => r.EventId).Distinct().Count().ShouldBe(2 * WebhookSender.Budget);
    }
}
