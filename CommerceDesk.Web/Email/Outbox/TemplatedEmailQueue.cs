using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>
/// Renders a stored template and adds the result to the outbox inside the caller's save: the one call the order
/// e-mails (confirmation, staff notice, and later status change and delivery done) need. The dedupe key makes a
/// repeated call a no-op.
/// </summary>
public static class TemplatedEmailQueue
{
    /// <summary>
    /// Renders and adds the message to <paramref name="db"/> without saving, for domain-event handlers: the save they run
    /// in writes it, or nothing. False when <paramref name="dedupeKey"/> is in the outbox or in this save already (a key
    /// another writer queues meanwhile fails the save on the unique index, and its retry finds it). A stored template
    /// that is missing or fails to render gives way to the built-in default: an admin's broken edit must not stop the
    /// order that queues the message.
    /// </summary>
    public static async Task<bool> AddAsync(
        CommerceDbContext db, string templateKey, string to, IReadOnlyDictionary<string, object?> model,
        string dedupeKey, DateTime now, ILogger logger, CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessage>();
        if (outbox.Local.Any(m => m.DedupeKey == dedupeKey) || await outbox.AnyAsync(m => m.DedupeKey == dedupeKey, cancellationToken))
            return false;
        var email = await RenderAsync(db, templateKey, model, logger, cancellationToken);
        outbox.Add(new OutboxMessage(dedupeKey, to, email.Subject, email.HtmlBody, email.TextBody, now));
        return true;
    }

    private static async Task<RenderedEmail> RenderAsync(
        CommerceDbContext db, string templateKey, IReadOnlyDictionary<string, object?> model, ILogger logger, CancellationToken cancellationToken)
    {
        var stored = await db.Set<EmailTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == templateKey, cancellationToken);
        if (stored is not null)
        {
            try
            {
                return await LiquidRenderer.RenderAsync(new EmailContent(stored.Subject, stored.HtmlBody, stored.TextBody), model);
            }
            catch (InvalidTemplateException e)
            {
                logger.LogWarning(e, "The e-mail template {Template} failed to render; the built-in default was sent instead", templateKey);
            }
        }
        var builtIn = DefaultEmailTemplates.All.Single(t => t.Key == templateKey);
        return await LiquidRenderer.RenderAsync(new EmailContent(builtIn.Subject, builtIn.HtmlBody, builtIn.TextBody), model);
    }
}
