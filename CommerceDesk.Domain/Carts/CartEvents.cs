using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Carts;

public sealed record CartAbandoned(Cart Cart) : IDomainEvent;

public sealed record CartPurchased(Cart Cart) : IDomainEvent;
