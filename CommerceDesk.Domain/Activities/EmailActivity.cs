using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;

namespace CommerceDesk.Domain.Activities;

/// <summary>Recorded: written down only (no mail server involved); Queued: in the outbox; Sent: handed to SMTP.</summary>
public enum EmailActivityStatus { Recorded, Queued, Sent }

public sealed class EmailActivity : Activity
{
    public const int BodyMaxLength = 20_000;

    private EmailActivity() { }

    public EmailActivity(ActivityTarget target, string to, string subject, string body, Actor by, DateTime now)
        : base(target, by, now)
    {
        To = Guard.Required(to, "To", Customer.EmailMaxLength).ToLowerInvariant();
        if (!EmailAddress.IsValid(To)) throw new DomainException($"'{to}' is not a valid e-mail address.");
        Subject = Guard.Required(subject, "Subject", SubjectMaxLength);
        Body = Guard.Required(body, "Body", BodyMaxLength);
        Status = EmailActivityStatus.Recorded;
    }

    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public EmailActivityStatus Status { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>The outbox message's dedupe key once queued: the log reads the delivery state from the outbox.</summary>
    public string? OutboxKey { get; private set; }

    public override ActivityKind Kind => ActivityKind.Email;

    public override string Summary => $"E-mail to {To}: {Subject} ({Status})";

    /// <summary>The e-mail was put in the outbox for sending, under <paramref name="outboxKey"/>.</summary>
    public void MarkQueued(string outboxKey)
    {
        if (Status == EmailActivityStatus.Sent) throw new DomainException("This e-mail was already sent.");
        Status = EmailActivityStatus.Queued;
        OutboxKey = outboxKey;
    }

    public void MarkSent(DateTime at)
    {
        Status = EmailActivityStatus.Sent;
        SentAt = Guard.Utc(at);
    }
}
