using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Orders.Statuses;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Crm;

/// <summary>The order lifecycle events queue an order for the CRM in their own save; the mapping and invoice date then apply.</summary>
public abstract class OrderLifecycleSyncTests(CrmFactory factory)
{
    public sealed class OnSqlite(CrmFactory factory) : OrderLifecycleSyncTests(factory), IClassFixture<CrmFactory>;

    public sealed class OnPostgres(PostgresCrmFactory factory) : OrderLifecycleSyncTests(factory), IClassFixture<PostgresCrmFactory>;

    private async Task<long> PushOrderAsync(string paymentStatus = "pending")
    {
        var id = NewId("order");
        (await factory.CreateStorefrontClient().PutAsync("orders", id, Order(version: 1, paymentStatus: paymentStatus))).EnsureSuccessStatusCode();
        await using var db = factory.CreateDbContext();
        return (await db.Orders.SingleAsync(o => o.ExternalId == id)).Id;
    }

    /// <summary>Raises an event of another part of the app (shipping, billing) the way its save would: the handlers run inside the save.</summary>
    private async Task RaiseInSaveAsync(long orderId, Func<Order, IDomainEvent> raise)
    {
        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        var domainEvent = raise(order);
        await new DomainEventDispatcher(factory.Services).DispatchAsync(domainEvent, db, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private async Task<Order> OrderAsync(long id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task AManagersStatusChangeQueuesTheOrderWithOrderSyncOn()
    {
        await factory.SaveSettingsAsync(CrmSettings.Defaults with { OrderAutomaticSync = true, ConvertOpportunity = false,
            StageMapping = new Dictionary<string, string> { [OrderStatuses.InProcess] = OpportunityStages.Negotiation } });
        var id = await PushOrderAsync();
        var order = await OrderAsync(id);
        order.CrmSync.Status.ShouldBe(CrmSyncStatus.NotSynced);

        var outcome = await factory.Get<ChangeOrderStatus>().RunAsync(id, OrderStatuses.InProcess, null, new Actor("m", "Mia"), order.Version, 0);
        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        (await OrderAsync(id)).CrmSync.Status.ShouldBe(CrmSyncStatus.Pending);
        await factory.SyncAsync();

        await using var db = factory.CreateDbContext();
        (await db.Opportunities.SingleAsync(o => o.SourceOrderId == id)).Stage.ShouldBe(OpportunityStages.Negotiation);
        (await OrderAsync(id)).CrmSync.Status.ShouldBe(CrmSyncStatus.Synced);
    }

    [Fact]
    public async Task ShippingInvoicingAndCreditMemosQueueTheOrder()
    {
        await factory.SaveSettingsAsync(CrmSettings.Defaults with { OrderAutomaticSync = true });
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var events = new Func<Order, IDomainEvent>[]
        {
            o => new OrderShipped(o, "DHL", "TRACK-1", now),
            o => new OrderInvoiced(o, "INV-1", now, 39.80m),
            o => new OrderCreditMemoIssued(o, "INV-1", 10m, now),
        };
        foreach (var raise in events)
        {
            var id = await PushOrderAsync();
            await RaiseInSaveAsync(id, raise);
            (await OrderAsync(id)).CrmSync.Status.ShouldBe(CrmSyncStatus.Pending);
        }
    }

    [Fact]
    public async Task WithOrderSyncOffLifecycleEventsQueueNothing()
    {
        await factory.SaveSettingsAsync(CrmSettings.Defaults with { OrderAutomaticSync = false });
        var id = await PushOrderAsync(paymentStatus: "paid");
        await RaiseInSaveAsync(id, o => new OrderShipped(o, "DHL", "TRACK-2", DateTime.UtcNow));

        (await OrderAsync(id)).CrmSync.Status.ShouldBe(CrmSyncStatus.NotSynced);
    }

    [Fact]
    public async Task AnInvoicedPaidOrderClosesOnTheInvoiceDateWithUseInvoiceDate()
    {
        await factory.SaveSettingsAsync(CrmSettings.Defaults with { OrderAutomaticSync = true, ConvertOpportunity = true, UseInvoiceDateAsCloseDate = true });
        var id = await PushOrderAsync(paymentStatus: "paid");
        var invoiceDate = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
        await RaiseInSaveAsync(id, o => new OrderInvoiced(o, "INV-9", invoiceDate, 39.80m));

        await factory.SyncAsync();

        await using var db = factory.CreateDbContext();
        var opportunity = await db.Opportunities.SingleAsync(o => o.SourceOrderId == id);
        opportunity.CloseDate.ShouldBe(invoiceDate.Date);
        opportunity.Stage.ShouldBe(OpportunityStages.ClosedWon);
    }
}
