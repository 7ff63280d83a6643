using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Domain.Activities;

public enum ActivityKind { Call, Email, Note }

/// <summary>
/// What a manager did about a cart or an order: a call, an e-mail or a note. It also carries the customer
/// so the customer's (and so the account's) page lists it without walking carts and orders.
/// </summary>
public abstract class Activity : Entity
{
    public const int SubjectMaxLength = 250;
    public const int TextMaxLength = 4000;

    protected Activity() { }

    protected Activity(ActivityTarget target, Actor by, DateTime now)
    {
        CartId = target.CartId;
        OrderId = target.OrderId;
        CustomerId = target.CustomerId;
        CreatedById = by.UserId;
        CreatedBy = by.Name;
        CreatedAt = Guard.Utc(now);
    }

    public long? CartId { get; private set; }
    public long? OrderId { get; private set; }
    public long? CustomerId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";

    public abstract ActivityKind Kind { get; }

    /// <summary>One line for the activity log.</summary>
    public abstract string Summary { get; }
}

/// <summary>The cart or order an activity is about, and its customer.</summary>
public sealed record ActivityTarget(long? CartId, long? OrderId, long? CustomerId)
{
    public static ActivityTarget Of(Cart cart) => new(cart.Id, null, cart.CustomerId);

    public static ActivityTarget Of(Order order) => new(null, order.Id, order.CustomerId);
}
