using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

public sealed partial class Order
{
    /// <summary>The status the order is in: its sub-status if it has one, else its main status.</summary>
    public string StatusCode => SubStatus ?? Status;

    /// <summary>How many status changes the order has had; the next history line takes the next number.</summary>
    public int StatusSequence { get; private set; }

    /// <summary>
    /// A manager moves the order to another status. Refuses moves the definitions do not allow; returns the history
    /// line to store with the order and raises <see cref="OrderStatusChanged"/> so the status's actions run in the same save.
    /// </summary>
    public OrderStatusChange ChangeStatus(string targetCode, OrderStatusRules rules, Actor actor, string? note, DateTime now)
    {
        var from = StatusCode;
        var to = rules.Check(from, targetCode);
        Status = to.ParentCode ?? to.Code;
        SubStatus = to.ParentCode is null ? null : to.Code;
        StatusSequence++;
        // Moving to Cancelled is cancelling: the commercial state follows and the order's stock is released.
        if (Status == OrderStatuses.Cancelled && CommercialState != CommercialState.Cancelled)
        {
            CommercialState = CommercialState.Cancelled;
            Raise(new OrderCancelled(this));
        }
        var change = new OrderStatusChange(Id, StatusSequence, from, to.Code, actor, note, now);
        Raise(new OrderStatusChanged(this, change));
        return change;
    }
}
