using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Channels;

/// <summary>The channel settings page's handler: abandoned-cart e-mails on/off, delay and template per channel.</summary>
public sealed class ChannelReminderSettings(IDbContextFactory<CommerceDbContext> factory, TimeProvider time)
{
    public sealed record Row(long Id, string Code, string Name, bool RemindersEnabled, DateTime? RemindersEnabledAt, int DelayMinutes, string TemplateKey);

    public sealed record TemplateChoice(string Key, string Name);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return channels.Select(c => new Row(c.Id, c.Code, c.Name, c.RemindersEnabled, c.RemindersEnabledAt,
            (int)c.AbandonmentDelay.TotalMinutes, c.ReminderTemplateKey)).ToList();
    }

    public async Task<IReadOnlyList<TemplateChoice>> ReminderTemplatesAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var templates = await db.Set<EmailTemplate>().AsNoTracking().OrderBy(t => t.Name).Select(t => new TemplateChoice(t.Key, t.Name)).ToListAsync(cancellationToken);
        return templates.Where(t => EmailTemplateKeys.IsCartReminder(t.Key)).ToList();
    }

    /// <summary>Applies the settings; returns null when saved, else the reason nothing was saved.</summary>
    public async Task<string?> SaveAsync(long channelId, bool remindersEnabled, int delayMinutes, string templateKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null) return "The channel no longer exists.";
        if (!await db.Set<EmailTemplate>().AnyAsync(t => t.Key == templateKey, cancellationToken))
            return $"There is no template '{templateKey}'.";
        try
        {
            channel.SetAbandonmentDelay(TimeSpan.FromMinutes(delayMinutes));
            channel.SetReminderTemplate(templateKey);
            // Switching on records the time: carts abandoned before it never get a reminder.
            if (remindersEnabled) channel.EnableReminders(time.GetUtcNow().UtcDateTime);
            else channel.DisableReminders();
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
    }
}
