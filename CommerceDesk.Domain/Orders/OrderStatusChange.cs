using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

/// <summary>One line of an order's status history: who moved it, when, from where to where, and why.</summary>
public sealed class OrderStatusChange
{
    public const int NoteMaxLength = 1000;

    private OrderStatusChange() { }

    internal OrderStatusChange(long orderId, int sequence, string fromCode, string toCode, Actor actor, string? note, DateTime at)
    {
        OrderId = orderId;
        Sequence = sequence;
        FromCode = fromCode;
        ToCode = toCode;
        ChangedByUserId = actor.UserId;
        ChangedBy = actor.Name;
        Note = Guard.Optional(note, "Note", NoteMaxLength);
        ChangedAt = Guard.Utc(at);
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    /// <summary>1 for the order's first change, then 2, 3…; unique per order, so two nodes can never both record the same move.</summary>
    public int Sequence { get; private set; }
    public string FromCode { get; private set; } = "";
    public string ToCode { get; private set; } = "";
    public string ChangedByUserId { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTime ChangedAt { get; private set; }
}
