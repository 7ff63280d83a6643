using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Email;

/// <summary>
/// An e-mail waiting to be sent, or the record of one that was. The dedupe key is unique, so a message that
/// must go once (one reminder per cart) is queued once however many times callers try.
/// </summary>
public sealed class OutboxMessage : Entity
{
    public const int DedupeKeyMaxLength = 200;
    public const int SubjectMaxLength = 500;
    public const int ErrorMaxLength = 2000;
    public const int MaxAttempts = 6;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(2);

    private OutboxMessage() { }

    public OutboxMessage(string dedupeKey, string to, string subject, string htmlBody, string textBody, DateTime now)
    {
        DedupeKey = Guard.Required(dedupeKey, "Dedupe key", DedupeKeyMaxLength);
        To = Guard.Required(to, "Recipient", Customers.Customer.EmailMaxLength);
        if (!EmailAddress.IsValid(To)) throw new DomainException($"'{To}' is not a valid e-mail address.");
        // Subjects are one line: a line break would let template text inject headers.
        Subject = Guard.Required(subject, "Subject", SubjectMaxLength).ReplaceLineEndings(" ");
        HtmlBody = htmlBody ?? "";
        TextBody = textBody ?? "";
        CreatedAt = Guard.Utc(now);
        NextAttemptAt = CreatedAt;
    }

    public string DedupeKey { get; private set; } = "";
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>When a sender may pick the message up; while Sending, when the sender's lease runs out.</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>Set by the sender that claimed the message; only that sender may record the outcome.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }

    public void MarkSent(DateTime now)
    {
        if (Status != OutboxStatus.Sending) throw new DomainException($"Only a message being sent can be marked sent; this one is {Status}.");
        Status = OutboxStatus.Sent;
        SentAt = Guard.Utc(now);
        LastError = null;
        ClaimToken = null;
    }

    /// <summary>
    /// A send failed. A permanent rejection (SMTP 5xx) or the last allowed attempt makes the message Failed;
    /// otherwise it waits with exponential back-off. The claim already counted the attempt.
    /// </summary>
    public void RecordFailure(string error, bool permanent, DateTime now)
    {
        if (Status != OutboxStatus.Sending) throw new DomainException($"Only a message being sent can fail; this one is {Status}.");
        LastError = Truncate(string.IsNullOrWhiteSpace(error) ? "Unknown error." : error.Trim());
        ClaimToken = null;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }
        Status = OutboxStatus.Pending;
        NextAttemptAt = Guard.Utc(now) + RetryDelay(Attempts);
    }

    /// <summary>An admin sends a failed message again: it gets a fresh set of attempts.</summary>
    public void Resend(DateTime now)
    {
        if (Status != OutboxStatus.Failed) throw new DomainException($"Only a failed message can be sent again; this one is {Status}.");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = Guard.Utc(now);
    }

    /// <summary>1, 2, 4, 8 … minutes after the n-th failed attempt, at most <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan RetryDelay(int attempts) => RetryBackOff.After(attempts, FirstRetryDelay, MaxRetryDelay);

    private static string Truncate(string error) => error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
}
