using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Domain.Returns;

public enum ReturnRequestStatus { Pending, Accepted, Refused }

/// <summary>The lines and quantities a customer picked on the public return form.</summary>
public sealed record ReturnPick(int Position, int Quantity);

/// <summary>
/// A customer's request to send back lines of a completed order, made on the public return form and decided by a
/// manager: accepting moves the order to Refund requested (the refund itself follows on the order page), refusing
/// gives the customer a reason. An order has at most one pending request (a unique index keeps it so on two nodes).
/// </summary>
public sealed class ReturnRequest : Entity, IVersioned
{
    public const int ReasonMaxLength = 1000;
    public const int RefusalMaxLength = 1000;

    private readonly List<ReturnRequestLine> _lines = [];

    private ReturnRequest() { }

    private ReturnRequest(Order order, string reason, DateTime now)
    {
        OrderId = order.Id;
        OrderNumber = order.Number;
        Email = order.Email ?? "";
        Reason = reason;
        CreatedAt = Guard.Utc(now);
    }

    public long OrderId { get; private set; }
    public string OrderNumber { get; private set; } = "";
    /// <summary>The address the customer proved on the form: where the decision is e-mailed.</summary>
    public string Email { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public ReturnRequestStatus Status { get; private set; } = ReturnRequestStatus.Pending;
    public IReadOnlyList<ReturnRequestLine> Lines => _lines;
    public DateTime CreatedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? RefusalReason { get; private set; }
    public int Version { get; private set; }

    /// <summary>Whether the customer may ask to return this order: it was completed (sent) and is not refunded or cancelled.</summary>
    public static bool IsReturnable(Order order) =>
        order.Status == OrderStatuses.Completed && !order.IsRefunded && order.CommercialState == CommercialState.SalesOrder;

    public static ReturnRequest Create(Order order, IReadOnlyCollection<ReturnPick> picks, string? reason, DateTime now)
    {
        if (order.Id == 0) throw new InvalidOperationException("Save the order first.");
        if (!IsReturnable(order)) throw new DomainException("This order cannot be returned online; please contact us.");
        var picked = picks.Where(p => p.Quantity != 0).ToList();
        if (picked.Count == 0) throw new DomainException("Choose at least one item and how many to return.");
        if (picked.Select(p => p.Position).Distinct().Count() != picked.Count) throw new DomainException("Each item can be chosen once.");
        var request = new ReturnRequest(order, Guard.Required(reason, "The reason for the return", ReasonMaxLength), now);
        foreach (var pick in picked.OrderBy(p => p.Position))
        {
            var line = order.Lines.FirstOrDefault(l => l.Position == pick.Position)
                ?? throw new DomainException("One of the chosen items is not on this order.");
            if (pick.Quantity < 1 || pick.Quantity > line.Quantity)
                throw new DomainException($"For {line.Name}, return between 1 and {line.Quantity}.");
            request._lines.Add(new ReturnRequestLine(line.Position, line.Sku, line.Name, pick.Quantity));
        }
        return request;
    }

    /// <summary>
    /// A manager accepts: the order moves to Refund requested through its status rules, unless a manager moved it there
    /// already (then there is no status change to store).
    /// </summary>
    public OrderStatusChange? Accept(Order order, OrderStatusRules rules, Actor actor, DateTime now)
    {
        if (order.Id != OrderId) throw new DomainException("That is not this request's order.");
        RequirePending();
        var change = order.StatusCode == OrderStatuses.RefundRequested
            ? null
            : order.ChangeStatus(OrderStatuses.RefundRequested, rules, actor, $"Return request accepted: {Reason}", now);
        Decide(ReturnRequestStatus.Accepted, actor, now);
        return change;
    }

    public void Refuse(string? reason, Actor actor, DateTime now)
    {
        RequirePending();
        RefusalReason = Guard.Required(reason, "The reason for refusing", RefusalMaxLength);
        Decide(ReturnRequestStatus.Refused, actor, now);
    }

    private void RequirePending()
    {
        if (Status != ReturnRequestStatus.Pending)
            throw new DomainException($"This return request was {Status.ToString().ToLowerInvariant()} already by {DecidedBy}.");
    }

    private void Decide(ReturnRequestStatus status, Actor actor, DateTime now)
    {
        Status = status;
        DecidedAt = Guard.Utc(now);
        DecidedBy = actor.Name;
        DecidedByUserId = actor.UserId;
        Raise(new ReturnRequestDecided(this));
    }
}

/// <summary>One line the customer wants to send back: copied from the order line, with the quantity chosen.</summary>
public sealed class ReturnRequestLine
{
    private ReturnRequestLine() { }

    internal ReturnRequestLine(int position, string sku, string name, int quantity)
    {
        Position = position;
        Sku = sku;
        Name = name;
        Quantity = quantity;
    }

    public long Id { get; private set; }
    public int Position { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Quantity { get; private set; }
}

/// <summary>A manager accepted or refused a return request; the customer is e-mailed in the same save.</summary>
public sealed record ReturnRequestDecided(ReturnRequest Request) : IDomainEvent;
