namespace CommerceDesk.Domain.Fulfilment;

/// <summary>A change to one product's stock: how much more is reserved and how much more is on hand (either may be negative).</summary>
public sealed record StockMovement(string Sku, int ReservedChange, int OnHandChange);
