using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

public sealed record OrderPlaced(Order Order) : IDomainEvent;

public sealed record OrderPaid(Order Order) : IDomainEvent;
