using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Crm.Settings;

namespace CommerceDesk.Web.Crm.Sync;

/// <summary>
/// The order lifecycle changes the CRM follows (status change, confirmation, shipment, invoice, credit memo): with
/// order automatic synchronization on, the order is queued in the same save. An invoice's date is kept either way,
/// for "Use invoice date as close date" at the next sync, manual or automatic.
/// </summary>
internal sealed class QueueOrderForCrm(TimeProvider time) :
    IDomainEventHandler<OrderStatusChanged>,
    IDomainEventHandler<OrderConfirmed>,
    IDomainEventHandler<OrderShipped>,
    IDomainEventHandler<OrderInvoiced>,
    IDomainEventHandler<OrderCreditMemoIssued>
{
    public Task HandleAsync(OrderStatusChanged domainEvent, CommerceDbContext db, CancellationToken cancellationToken) =>
        QueueAsync(db, domainEvent.Order, CrmChange.OrderStatus, cancellationToken);

    public Task HandleAsync(OrderConfirmed domainEvent, CommerceDbContext db, CancellationToken cancellationToken) =>
        QueueAsync(db, domainEvent.Order, CrmChange.OrderConfirmed, cancellationToken);

    public Task HandleAsync(OrderShipped domainEvent, CommerceDbContext db, CancellationToken cancellationToken) =>
        QueueAsync(db, domainEvent.Order, CrmChange.OrderShipped, cancellationToken);

    public Task HandleAsync(OrderInvoiced domainEvent, CommerceDbContext db, CancellationToken cancellationToken)
    {
        domainEvent.Order.RecordInvoiceDateForCrm(domainEvent.InvoiceDate);
        return QueueAsync(db, domainEvent.Order, CrmChange.OrderInvoiced, cancellationToken);
    }

    public Task HandleAsync(OrderCreditMemoIssued domainEvent, CommerceDbContext db, CancellationToken cancellationToken) =>
        QueueAsync(db, domainEvent.Order, CrmChange.OrderCreditMemo, cancellationToken);

    private async Task QueueAsync(CommerceDbContext db, Order order, CrmChange change, CancellationToken cancellationToken)
    {
        var settings = await CrmSettingsStore.ReadAsync(db, cancellationToken);
        if (!CrmRules.NeedsSync(settings, change)) return;
        await CrmSyncQueue.MarkPendingAsync(db, order, time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
