namespace CommerceDesk.Web.Orders.Statuses;

public enum StatusChangeResult { Done, Refused, Conflict, NotFound }

/// <summary>What became of a status change: done, refused by the lifecycle, or another manager was quicker.</summary>
public sealed record StatusChangeOutcome(StatusChangeResult Result, string? Message = null)
{
    public bool Succeeded => Result == StatusChangeResult.Done;

    public static StatusChangeOutcome Done() => new(StatusChangeResult.Done);

    public static StatusChangeOutcome Conflict(string? by) =>
        new(StatusChangeResult.Conflict, $"This order was changed by {by ?? "someone else"}; reload");
}
