using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Domain.Crm;

/// <summary>
/// A cart's or an order's place in the CRM sync queue (one row per record, unique, kept once synced with no due
/// time). The sync job claims due rows with a compare-and-swap update of <see cref="ClaimToken"/> and
/// <see cref="DueAt"/> (the claim's lease), so two runs or nodes never sync one record at once. Every change bumps
/// <see cref="Generation"/>: a run records its result only for the generation it claimed, so a change made while it
/// worked is synced again with the latest data. It holds its record by reference, so a record queued in the save
/// that creates it gets its id when that save writes.
/// </summary>
public sealed class CrmSyncQueueEntry
{
    private CrmSyncQueueEntry() { }

    private CrmSyncQueueEntry(DateTime now) => DueAt = Guard.Utc(now);

    public static CrmSyncQueueEntry ForCart(Cart cart, DateTime now) => new(now) { Cart = cart, CartId = cart.Id == 0 ? null : cart.Id };

    public static CrmSyncQueueEntry ForOrder(Order order, DateTime now) => new(now) { Order = order, OrderId = order.Id == 0 ? null : order.Id };

    public long Id { get; private set; }
    public long? CartId { get; private set; }
    public Cart? Cart { get; private set; }
    public long? OrderId { get; private set; }
    public Order? Order { get; private set; }
    /// <summary>When the record is next due; null once synced (nothing to do until the next change).</summary>
    public DateTime? DueAt { get; private set; }
    public int Generation { get; private set; }
    public int Attempts { get; private set; }
    public Guid? ClaimToken { get; private set; }

    public CrmRecordType RecordType => CartId is not null || Cart is not null ? CrmRecordType.Cart : CrmRecordType.Order;

    public void Requeue(DateTime now)
    {
        DueAt = Guard.Utc(now);
        Attempts = 0;
        ClaimToken = null;
        Generation++;
    }
}

public enum CrmRecordType { Cart, Order }
