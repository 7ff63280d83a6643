namespace CommerceDesk.Domain.Email;

/// <summary>The templates the application sends; each is seeded with a default an admin can edit.</summary>
public static class EmailTemplateKeys
{
    public const string CartReminder = "cart-reminder";
    public const string Quotation = "quotation";
    public const string OrderConfirmation = "order-confirmation";
    public const string OrderStatusChanged = "order-status-changed";
    public const string DeliveryDone = "delivery-done";
    public const string StaffNewOrder = "staff-new-order";
    public const string StaffOrderStatus = "staff-order-status";
    public const string ReturnAccepted = "return-accepted";
    public const string ReturnRefused = "return-refused";

    /// <summary>Reminder templates share the prefix, so a channel can pick any of them.</summary>
    public static bool IsCartReminder(string key) => key.StartsWith(CartReminder, StringComparison.Ordinal);
}
