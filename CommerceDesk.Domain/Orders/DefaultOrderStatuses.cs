using CommerceDesk.Domain.Email;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Domain.Orders;

/// <summary>The lifecycle a new installation starts with; seeded when missing, then the admin's to edit.</summary>
public static class DefaultOrderStatuses
{
    private static readonly string[] CompletedSubs = [OnTransit, Delivered, ProductValuation, PurchaseSurvey];

    /// <summary>Fresh instances each call: they are entities a context will track.</summary>
    public static IReadOnlyList<OrderStatusDefinition> Create() =>
    [
        // New orders get the confirmation and the staff notice when placed (see the placed-order handlers), so
        // Incoming itself carries no action.
        new(Incoming, "Incoming", null, 10, "#1E88E5", true, [InProcess, Cancelled]),
        new(InProcess, "In process", null, 20, "#3949AB", true, [Completed, Cancelled], EmailTemplateKeys.OrderStatusChanged),
        // A completed order sits in one of its sub-statuses; orders completed before sub-statuses existed move on from here.
        new(Completed, "Completed", null, 30, "#43A047", true, [.. CompletedSubs, RefundRequested]),
        new(OnTransit, "On transit", Completed, 31, "#00897B", true, Others(OnTransit), EmailTemplateKeys.OrderStatusChanged),
        new(Delivered, "Delivered", Completed, 32, "#43A047", true, Others(Delivered), EmailTemplateKeys.OrderStatusChanged),
        new(ProductValuation, "Product valuation", Completed, 33, "#7CB342", true, Others(ProductValuation)),
        new(PurchaseSurvey, "Purchase survey", Completed, 34, "#9E9D24", true, Others(PurchaseSurvey)),
        new(Cancelled, "Cancelled", null, 40, "#E53935", true, [], EmailTemplateKeys.OrderStatusChanged),
        new(RefundRequested, "Refund requested", null, 50, "#FB8C00", true, [Refunded, InProcess], emailStaff: true),
        new(Refunded, "Refunded", null, 60, "#6D4C41", true, [], EmailTemplateKeys.OrderStatusChanged),
    ];

    private static string[] Others(string sub) => [.. CompletedSubs.Where(s => s != sub), RefundRequested];
}
