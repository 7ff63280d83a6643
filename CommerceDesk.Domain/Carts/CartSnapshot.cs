using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Carts;

/// <summary>The cart as a storefront reports it.</summary>
public sealed record CartSnapshot(
    string? CustomerExternalId, string? Email, string Currency,
    IReadOnlyList<LineInput> Items, CheckoutStep CheckoutStep);
