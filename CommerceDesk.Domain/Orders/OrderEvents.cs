using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

/// <summary>A storefront pushed a new order (a quotation a manager creates from a cart raises none).</summary>
public sealed record OrderPlaced(Order Order) : IDomainEvent;

/// <summary>A manager moved the order to another status; the status's actions (e-mails) run in the same save.</summary>
public sealed record OrderStatusChanged(Order Order, OrderStatusChange Change) : IDomainEvent;
