using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;

namespace CommerceDesk.Web.Workflows;

/// <summary>The grid's mass action: how many records moved, and why each other one was skipped.</summary>
public sealed record MassTransitionReport(int Done, IReadOnlyList<(long Id, string Reason)> Skipped)
{
    public string Summary(string noun) =>
        Skipped.Count == 0
            ? $"{Done} {noun}(s) updated."
            : $"{Done} {noun}(s) updated; {Skipped.Count} skipped: " + string.Join("; ", Skipped.Select(s => $"#{s.Id}: {s.Reason}"));
}

/// <summary>
/// Fires one transition with one shared set of form values (e.g. Abandon with one note) on many records.
/// Each record is its own transition and save: an ineligible record is skipped and reported, never blocks the rest.
/// </summary>
public sealed class FireMassTransition(FireTransition fire, WorkflowRegistry registry)
{
    public const int MaxRecords = 500;

    public async Task<MassTransitionReport> RunAsync(
        WorkflowSubjectType type, IReadOnlyCollection<long> ids, string transition, IReadOnlyDictionary<string, string?> form, Actor actor,
        CancellationToken ct = default)
    {
        var definition = registry.For(type).FindTransition(transition);
        if (definition is not { AllowsMassAction: true })
            throw new DomainException($"'{definition?.Label ?? transition}' cannot be applied to several records at once.");
        if (ids.Count > MaxRecords) throw new DomainException($"Select at most {MaxRecords} records for a mass action.");

        var done = 0;
        var skipped = new List<(long, string)>();
        foreach (var id in ids.Distinct())
        {
            var outcome = await fire.RunAsync(new WorkflowTarget(type, id), transition, form, actor, expectedVersion: null, ct);
            if (outcome.Succeeded) done++;
            else skipped.Add((id, outcome.FieldErrors is { Count: > 0 } errors ? string.Join(" ", errors.Values) : outcome.Message ?? "Not possible."));
        }
        return new MassTransitionReport(done, skipped);
    }
}
