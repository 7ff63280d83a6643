using System.Globalization;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Placed;

/// <summary>
/// What the e-mails about a newly placed order say: the template model (<c>shop</c>, <c>customer</c>, <c>order</c>) and
/// the customer's address. Built inside the save that inserts the order, before it has an id, so the order is named
/// by its channel and storefront id. Staff e-mails go to the channel's staff address, else <c>Email:StaffAddress</c>;: in the dedupe keys and in the staff link (<see cref="PlacedOrderLink"/>).
/// </summary>
internal sealed record PlacedOrderEmail(string? CustomerAddress, string? StaffAddress, IReadOnlyDictionary<string, object?> Model)
{
    public static string ConfirmationKey(Order order) => $"order-confirmation:{order.ChannelId}:{order.ExternalId}";

    public static string StaffNoticeKey(Order order) => $"order-staff-notice:{order.ChannelId}:{order.ExternalId}";

    /// <param name="statusName">The status as the admin named it; the stored code when not given.</param>
    public static async Task<PlacedOrderEmail> LoadAsync(CommerceDbContext db, Order order, EmailOptions options, CancellationToken cancellationToken,
        string? statusName = null, string? subStatusName = null)
    {
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == order.ChannelId)
            .Select(c => new { c.Code, c.Name, c.StaffEmail }).SingleAsync(cancellationToken);
        var customer = order.CustomerId is { } id ? await db.Customers.FindAsync([id], cancellationToken) : null;
        // What the customer typed at checkout, else their account's address; a guest placeholder is nobody's.
        var address = !EmailAddress.IsPlaceholder(order.Email) ? order.Email
            : !EmailAddress.IsPlaceholder(customer?.Email) ? customer?.Email
            : null;

        var trackingUrl = options.OrderTrackingUrl
            .Replace("{channel}", Uri.EscapeDataString(channel.Code), StringComparison.Ordinal)
            .Replace("{order}", Uri.EscapeDataString(order.ExternalId), StringComparison.Ordinal)
            .Replace("{token}", Uri.EscapeDataString(order.TrackingToken ?? ""), StringComparison.Ordinal);
        var model = new Dictionary<string, object?>
        {
            ["shop"] = EmailModel.Shop(channel.Name),
            ["customer"] = EmailModel.Customer(customer?.FullName ?? address ?? "customer", address ?? ""),
            ["order"] = new Dictionary<string, object?>
            {
                ["number"] = order.Number,
                ["status"] = statusName ?? order.Status,
                ["sub_status"] = subStatusName ?? order.SubStatus,
                ["total"] = order.Subtotal.ToString(),
                ["placed_at"] = order.PlacedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
                ["lines"] = order.Lines.Select(l => EmailModel.Line(l, order.Currency)).ToList(),
                ["payment_method"] = order.PaymentMethod.Code,
                ["tracking_url"] = trackingUrl,
                ["back_office_url"] = PlacedOrderLink.For(options.BackOfficeUrl, order),
            },
        };
        return new PlacedOrderEmail(address, Domain.Channels.Channel.StaffAddressOr(channel.StaffEmail, options.StaffAddress), model);
    }
}
