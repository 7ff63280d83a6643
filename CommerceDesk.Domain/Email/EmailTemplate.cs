using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Email;

/// <summary>An e-mail an admin can edit: subject and bodies in Liquid, rendered against the message's data.</summary>
public sealed class EmailTemplate : Entity, IVersioned
{
    public const int KeyMaxLength = 100;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 500;
    public const int BodyMaxLength = 100_000;

    private EmailTemplate() { }

    public EmailTemplate(string key, string name, string subject, string htmlBody, string textBody, DateTime now)
    {
        Key = Guard.Required(key, "Template key", KeyMaxLength).ToLowerInvariant();
        if (!Key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new DomainException("A template key may hold only lower-case letters, digits and hyphens.");
        Name = Guard.Required(name, "Template name", NameMaxLength);
        Change(subject, htmlBody, textBody, now);
    }

    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Replaces the content; the caller checks the Liquid syntax first (rendering is not a domain concern).</summary>
    public void Change(string subject, string htmlBody, string textBody, DateTime now)
    {
        Subject = Guard.Required(subject, "Subject", SubjectMaxLength);
        HtmlBody = Guard.Required(htmlBody, "HTML body", BodyMaxLength);
        TextBody = Guard.Required(textBody, "Text body", BodyMaxLength);
        UpdatedAt = Guard.Utc(now);
    }
}
