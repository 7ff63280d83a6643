namespace CommerceDesk.Web.Orders.Billing;

public enum BillingResult { Done, Refused, Conflict, NotFound }

/// <summary>What became of a billing action: done, refused by the order's rules (the reason), or another manager was quicker.</summary>
public sealed record BillingOutcome(BillingResult Result, string? Message = null)
{
    public bool Succeeded => Result == BillingResult.Done;

    public static BillingOutcome Done(string? message = null) => new(BillingResult.Done, message);

    public static BillingOutcome Refused(string message) => new(BillingResult.Refused, message);

    public static BillingOutcome Conflict(string by) => new(BillingResult.Conflict, $"This order was changed by {by} meanwhile; reload it and try again.");
}

/// <summary>The order as the manager saw it: its version (the concurrency token) and how far its two histories went.</summary>
public sealed record OrderSeen(int Version, int BillingSequence, int StatusSequence);
