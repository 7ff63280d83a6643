using CommerceDesk.Data;
using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

public enum ActivityLogKind { Call, Email, Note, Transition }

/// <summary>One line of a record's log: a call, an e-mail, a note or a workflow transition.</summary>
public sealed record ActivityLogEntry(DateTime At, ActivityLogKind Kind, string Title, string? Details, string By);

/// <summary>The log of calls, e-mails, notes and workflow transitions of a cart, an order or a customer, newest first.</summary>
public sealed class LoadActivityLog(IDbContextFactory<CommerceDbContext> factory, WorkflowRegistry registry)
{
    public const int MaxEntries = 200;

    public async Task<IReadOnlyList<ActivityLogEntry>> ForRecordAsync(WorkflowTarget target, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var activities = target.Type == WorkflowSubjectType.Cart
            ? db.Activities.Where(a => a.CartId == target.Id)
            : db.Activities.Where(a => a.OrderId == target.Id);
        var loaded = await activities.OrderByDescending(a => a.CreatedAt).Take(MaxEntries).AsNoTracking().ToListAsync(ct);
        var delivery = await DeliveryAsync(db, loaded, ct);
        var entries = loaded.Select(a => Describe(a, delivery)).ToList();

        var definition = registry.For(target.Type);
        var item = await LoadedWorkflow.ItemQuery(db, definition, target).AsNoTracking().SingleOrDefaultAsync(ct);
        if (item is not null)
        {
            var feedback = target.Type == WorkflowSubjectType.Order && item.Transitions.Any(t => t.Transition == OrderFollowUpWorkflow.Transitions.RecordFeedback)
                ? await db.Orders.Where(o => o.Id == target.Id).Select(o => new { o.FeedbackRating, o.FeedbackComments }).SingleOrDefaultAsync(ct)
                : null;
            entries.AddRange(item.Transitions.Select(t => new ActivityLogEntry(t.At, ActivityLogKind.Transition, t.TransitionLabel,
                $"{StepLabel(definition, t.FromStep)} → {StepLabel(definition, t.ToStep)}"
                    + (t.Transition == OrderFollowUpWorkflow.Transitions.RecordFeedback && feedback?.FeedbackRating is { } rating
                        ? "\n" + FeedbackText(rating, feedback.FeedbackComments) : ""),
                t.UserName)));
        }
        return Newest(entries);
    }

    /// <summary>Everything done about a customer's carts and orders (activities carry their customer).</summary>
    public async Task<IReadOnlyList<ActivityLogEntry>> ForCustomerAsync(long customerId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var activities = await db.Activities.Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.CreatedAt).Take(MaxEntries).AsNoTracking().ToListAsync(ct);
        var delivery = await DeliveryAsync(db, activities, ct);
        return Newest(activities.Select(a => Describe(a, delivery)));
    }

    /// <summary>Where each queued e-mail stands in the outbox (Pending, Sent, Failed with the error).</summary>
    internal static async Task<Dictionary<string, string>> DeliveryAsync(CommerceDbContext db, IEnumerable<Activity> activities, CancellationToken ct)
    {
        var keys = activities.OfType<EmailActivity>().Select(e => e.OutboxKey).OfType<string>().ToList();
        if (keys.Count == 0) return [];
        var messages = await db.Set<OutboxMessage>().Where(m => keys.Contains(m.DedupeKey))
            .Select(m => new { m.DedupeKey, m.Status, m.LastError }).ToListAsync(ct);
        return messages.ToDictionary(m => m.DedupeKey, m => m.Status == OutboxStatus.Failed ? $"Failed: {m.LastError}" : m.Status.ToString());
    }

    // Activities and transitions made in the same instant: the transition is listed above what it recorded.
    private static List<ActivityLogEntry> Newest(IEnumerable<ActivityLogEntry> entries) =>
        entries.OrderByDescending(e => e.At).ThenBy(e => e.Kind == ActivityLogKind.Transition ? 0 : 1).Take(MaxEntries).ToList();

    /// <summary>The customer's feedback as the order page and its log show it: "Rating 4 of 5 · comments".</summary>
    public static string FeedbackText(int rating, string? comments) =>
        $"Rating {rating} of {Domain.Orders.Order.MaxRating}" + (comments is { Length: > 0 } c ? $" · {c}" : "");

    private static string StepLabel(WorkflowDefinition definition, string step) =>
        definition.Steps.FirstOrDefault(s => s.Name == step)?.Label ?? step;

    internal static ActivityLogEntry Describe(Activity activity, IReadOnlyDictionary<string, string> delivery) => activity switch
    {
        CallActivity call => new(call.CalledAt, ActivityLogKind.Call, $"{call.Direction} call: {call.Subject}",
            $"{call.Phone} · {call.Outcome} · {call.DurationMinutes} min" + (call.Notes is { } n ? $" · {n}" : ""), call.CreatedBy),
        EmailActivity email => new(email.CreatedAt, ActivityLogKind.Email, $"E-mail: {email.Subject}",
            $"To {email.To} · {(email.OutboxKey is { } key && delivery.TryGetValue(key, out var state) ? state : email.Status.ToString())}\n{email.Body}", email.CreatedBy),
        NoteActivity note => new(note.CreatedAt, ActivityLogKind.Note, "Note", note.Text, note.CreatedBy),
        _ => new(activity.CreatedAt, ActivityLogKind.Note, activity.Summary, null, activity.CreatedBy),
    };
}
