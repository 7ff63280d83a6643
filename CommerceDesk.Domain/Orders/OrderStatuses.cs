namespace CommerceDesk.Domain.Orders;

/// <summary>
/// The codes of the default lifecycle (DESIGN §5). Orders store a main status code and, for sub-statuses, the
/// sub-status code; the codes equal the default names, which is what orders stored before statuses became data.
/// </summary>
public static class OrderStatuses
{
    public const string Incoming = "Incoming";
    public const string InProcess = "In process";
    public const string Completed = "Completed";
    public const string OnTransit = "On transit";
    public const string Delivered = "Delivered";
    public const string ProductValuation = "Product valuation";
    public const string PurchaseSurvey = "Purchase survey";
    public const string Cancelled = "Cancelled";
    public const string RefundRequested = "Refund requested";
    public const string Refunded = "Refunded";
    public const int MaxLength = 50;
}
