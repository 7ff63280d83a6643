using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

/// <summary>A storefront pushed a new order (a quotation a manager creates from a cart raises none).</summary>
public sealed record OrderPlaced(Order Order) : IDomainEvent;
