using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Carts;

/// <summary>An order was placed from the cart (on the storefront, or by a manager converting it).</summary>
public sealed record CartPurchased(Cart Cart) : IDomainEvent;
