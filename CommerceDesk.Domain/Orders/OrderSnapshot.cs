using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

/// <summary>The order as a storefront reports it.</summary>
public sealed record OrderSnapshot(
    string Number, string? CartExternalId, string? CustomerExternalId, string? Email, string Currency,
    IReadOnlyList<LineInput> Lines, PaymentMethod PaymentMethod, PaymentStatus PaymentStatus, DateTime PlacedAt);
