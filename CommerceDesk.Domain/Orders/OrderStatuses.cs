namespace CommerceDesk.Domain.Orders;

/// <summary>The lifecycle's built-in main statuses (DESIGN §5); admins will be able to add sub-statuses.</summary>
public static class OrderStatuses
{
    public const string Incoming = "Incoming";
    public const string InProcess = "In process";
    public const string Completed = "Completed";
    public const string Cancelled = "Cancelled";
    public const int MaxLength = 50;
}
