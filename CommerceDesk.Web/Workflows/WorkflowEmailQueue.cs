using System.Net;
using CommerceDesk.Data;
using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// Puts the e-mails a transition wrote into the outbox, in the same save as the transition: a transition
/// that loses a race queues nothing, and a queued e-mail always has its activity. The outbox job sends them.
/// </summary>
public sealed class WorkflowEmailQueue(ILogger<WorkflowEmailQueue> logger)
{
    public async Task AddAsync(CommerceDbContext db, TransitionContext applied, CancellationToken ct)
    {
        var emails = applied.Activities.OfType<EmailActivity>().ToList();
        if (emails.Count == 0) return;
        var subject = applied.Subject;
        var channelId = subject.Cart?.ChannelId ?? subject.RequireOrder().ChannelId;
        var shopName = await db.Channels.Where(c => c.Id == channelId).Select(c => c.Name).SingleAsync(ct);
        var now = applied.Now;
        var transitionNumber = applied.Item.Transitions.Count;

        foreach (var email in emails)
        {
            OutboxMessage message;
            if (applied.CreatedOrder is { } quotation)
            {
                // The quotation goes out with the admin's template; once per cart.
                message = await QuotationAsync(db, quotation, email, shopName, subject, $"quotation:cart:{subject.Id}", now, ct);
            }
            else
            {
                // An order is e-mailed once (the workflow's rule, and the key says so too); a cart per transition.
                var key = subject.Order is { } order ? $"order-follow-up:{order.Id}" : $"cart-workflow:{subject.Id}:{transitionNumber}";
                message = Plain(key, email, now);
            }
            db.Add(message);
            email.MarkQueued(message.DedupeKey);
        }
    }

    private async Task<OutboxMessage> QuotationAsync(
        CommerceDbContext db, Order quotation, EmailActivity email, string shopName, WorkflowSubject subject, string key, DateTime now, CancellationToken ct)
    {
        var template = await db.Set<EmailTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == EmailTemplateKeys.Quotation, ct);
        if (template is null) return Plain(key, email, now);
        var model = new Dictionary<string, object?>
        {
            ["shop"] = EmailModel.Shop(shopName),
            ["customer"] = EmailModel.Customer(subject.Customer?.FullName ?? email.To, email.To),
            ["order"] = new Dictionary<string, object?>
            {
                ["number"] = quotation.Number,
                ["total"] = quotation.Subtotal.ToString(),
                ["lines"] = quotation.Lines.Select(l => EmailModel.Line(l, quotation.Currency)).ToList(),
                ["payment_method"] = "Bank transfer or payment in store",
                ["placed_at"] = quotation.PlacedAt.ToString("yyyy-MM-dd HH:mm") + " UTC",
                ["status"] = quotation.Status,
            },
        };
        try
        {
            var rendered = await LiquidRenderer.RenderAsync(new EmailContent(template.Subject, template.HtmlBody, template.TextBody), model);
            return new OutboxMessage(key, email.To, rendered.Subject, rendered.HtmlBody, rendered.TextBody, now);
        }
        catch (InvalidTemplateException e)
        {
            // A broken template must not block the conversion: the plain quotation goes instead, and the admin sees why in the log.
            logger.LogWarning(e, "Quotation template failed to render; sending the plain quotation for cart {CartId}", subject.Id);
            return Plain(key, email, now);
        }
    }

    private static OutboxMessage Plain(string key, EmailActivity email, DateTime now) =>
        new(key, email.To, email.Subject,
            "<p>" + WebUtility.HtmlEncode(email.Body).ReplaceLineEndings("<br>") + "</p>", email.Body, now);
}
