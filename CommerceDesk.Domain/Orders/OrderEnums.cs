namespace CommerceDesk.Domain.Orders;

public enum PaymentKind { Online, Offline }

public enum PaymentStatus { Pending, Paid, Failed }

/// <summary>Odoo's commercial states: a draft is a Quotation, a confirmed checkout awaiting payment is QuotationSent, paid is SalesOrder.</summary>
public enum CommercialState { Quotation, QuotationSent, SalesOrder, Cancelled }
