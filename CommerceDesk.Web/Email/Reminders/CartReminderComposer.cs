using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Reminders;

/// <summary>Writes a cart's reminder from the channel's template; the outbox key makes it one per cart.</summary>
public sealed class CartReminderComposer(CartResumeLinks links)
{
    public static string DedupeKeyFor(long cartId) => $"cart-reminder:{cartId}";

    public async Task<OutboxMessage> ComposeAsync(
        CommerceDbContext db, Cart cart, Channel channel, string recipient, string? customerName, DateTime now, CancellationToken cancellationToken) =>
        await ComposeAsync(await TemplateForAsync(db, channel, cancellationToken), cart, channel, recipient, customerName, now);

    /// <summary>The channel's reminder template, else the default one.</summary>
    public static async Task<EmailTemplate> TemplateForAsync(CommerceDbContext db, Channel channel, CancellationToken cancellationToken) =>
        await db.Set<EmailTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == channel.ReminderTemplateKey, cancellationToken)
        ?? await db.Set<EmailTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == EmailTemplateKeys.CartReminder, cancellationToken)
        ?? throw new InvalidOperationException("The abandoned-cart reminder template is missing.");

    public async Task<OutboxMessage> ComposeAsync(EmailTemplate template, Cart cart, Channel channel, string recipient, string? customerName, DateTime now)
    {
        var model = EmailModel.ForCart(channel.Name, customerName ?? recipient, recipient, cart, links.UrlFor(channel.Code, cart.ExternalId));
        var email = await LiquidRenderer.RenderAsync(new EmailContent(template.Subject, template.HtmlBody, template.TextBody), model);
        return new OutboxMessage(DedupeKeyFor(cart.Id), recipient, email.Subject, email.HtmlBody, email.TextBody, now);
    }
}
