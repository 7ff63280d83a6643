namespace CommerceDesk.Web.Workflows;

public enum TransitionResult { Done, Invalid, Refused, Conflict, NotFound }

/// <summary>What became of a transition: done, a form to correct, a rule refused it, or someone else was quicker.</summary>
public sealed record TransitionOutcome(TransitionResult Result, string? Message = null, IReadOnlyDictionary<string, string>? FieldErrors = null)
{
    public bool Succeeded => Result == TransitionResult.Done;
    public long? CreatedOrderId { get; init; }
    public long? CreatedOpportunityId { get; init; }

    public static TransitionOutcome Done() => new(TransitionResult.Done);

    public static TransitionOutcome Conflict(WorkflowTarget target, string? by) =>
        new(TransitionResult.Conflict, $"This {target.Noun} was changed by {by ?? "someone else"}; reload");
}
