using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>
/// Renders a stored template and queues the result: the one call the order lifecycle (confirmation, status
/// change, delivery done, staff notice) needs. The dedupe key makes a repeated call a no-op.
/// </summary>
public static class TemplatedEmailQueue
{
    /// <summary>Returns false when a message with <paramref name="dedupeKey"/> was already queued.</summary>
    public static async Task<bool> QueueAsync(
        CommerceDbContext db, string templateKey, string to, IReadOnlyDictionary<string, object?> model,
        string dedupeKey, DateTime now, CancellationToken cancellationToken)
    {
        var template = await db.Set<EmailTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == templateKey, cancellationToken)
            ?? throw new InvalidOperationException($"The e-mail template '{templateKey}' does not exist.");
        var email = await LiquidRenderer.RenderAsync(new EmailContent(template.Subject, template.HtmlBody, template.TextBody), model);
        return await OutboxWriter.EnqueueAsync(db, new OutboxMessage(dedupeKey, to, email.Subject, email.HtmlBody, email.TextBody, now), cancellationToken);
    }
}
