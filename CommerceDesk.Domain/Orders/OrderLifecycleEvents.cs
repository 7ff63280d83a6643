using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

// What happens to an order after it is placed. Each is raised by the domain operation itself and handled inside the
// same save (stock, deliveries, CRM sync, account value, the storefront's status webhook each add their handler).

/// <summary>The order became a sales order: an offline payment was confirmed by hand, or an online one arrived paid.</summary>
public sealed record OrderConfirmed(Order Order) : IDomainEvent;

/// <summary>The order was cancelled before it was completed.</summary>
public sealed record OrderCancelled(Order Order) : IDomainEvent;

/// <summary>The order's delivery left the warehouse with a carrier.</summary>
public sealed record OrderShipped(Order Order, string Carrier, string TrackingNumber, DateTime ShippedAt) : IDomainEvent;

/// <summary>The carrier delivered the order to the customer.</summary>
public sealed record OrderDelivered(Order Order, DateTime DeliveredAt) : IDomainEvent;

/// <summary>An invoice was recorded for the order (the full amount or what remained).</summary>
public sealed record OrderInvoiced(Order Order, string InvoiceNumber, DateTime InvoiceDate, decimal Amount) : IDomainEvent;

/// <summary>A credit memo was recorded against one of the order's invoices.</summary>
public sealed record OrderCreditMemoIssued(Order Order, string InvoiceNumber, decimal Amount, DateTime IssuedAt) : IDomainEvent;

/// <summary>The order was refunded in full: it is now Refunded and its stock goes back.</summary>
public sealed record OrderRefunded(Order Order, decimal Amount, DateTime RefundedAt) : IDomainEvent;
