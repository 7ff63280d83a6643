using System.Text;
using CommerceDesk.Domain.Email;
using MimeKit;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>Turns an outbox row into the MIME message that is sent (and previewed on the Outbox page).</summary>
public static class OutboxMimeMessage
{
    public static MimeMessage Create(OutboxMessage message, string from)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero),
            // Stable across retries, so a receiver can recognise a message delivered twice.
            MessageId = $"outbox-{message.Id}-{message.CreatedAt.Ticks}@commercedesk.local",
            Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    /// <summary>The message as an .eml file would hold it.</summary>
    public static string ToEml(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
