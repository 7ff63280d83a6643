using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Webhooks;

public enum WebhookDeliveryStatus { Pending, Sending, Delivered, Failed }

/// <summary>
/// One event for a channel's status webhook, queued in the save that caused it and POSTed later by the sender job. The
/// event id is unique (the receiver's idempotency key too); the sender claims a row by compare-and-swap before it
/// POSTs, so no event is delivered twice by two runs or two nodes.
/// </summary>
public sealed class WebhookDelivery : Entity
{
    public const int EventTypeMaxLength = 50;
    public const int DedupeKeyMaxLength = 200;
    public const int ErrorMaxLength = 2000;
    public const int MaxAttempts = 8;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(4);

    private WebhookDelivery() { }

    public WebhookDelivery(Guid eventId, string dedupeKey, long channelId, string orderNumber, string eventType, string payload, DateTime now)
    {
        if (eventId == Guid.Empty) throw new DomainException("A webhook event needs an id.");
        EventId = eventId;
        DedupeKey = Guard.Required(dedupeKey, "Dedupe key", DedupeKeyMaxLength);
        ChannelId = channelId;
        OrderNumber = Guard.Required(orderNumber, "Order number", Orders.Order.NumberMaxLength);
        EventType = Guard.Required(eventType, "Event type", EventTypeMaxLength);
        Payload = Guard.Required(payload, "Payload", int.MaxValue);
        CreatedAt = Guard.Utc(now);
        NextAttemptAt = CreatedAt;
    }

    public Guid EventId { get; private set; }
    /// <summary>What the event is about (order, change, kind): queued once however often the save is retried.</summary>
    public string DedupeKey { get; private set; } = "";
    public long ChannelId { get; private set; }
    public string OrderNumber { get; private set; } = "";
    public string EventType { get; private set; } = "";
    /// <summary>The exact JSON body that is POSTed and signed.</summary>
    public string Payload { get; private set; } = "";
    public WebhookDeliveryStatus Status { get; private set; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>When the sender may pick the row up; while Sending, when the sender's lease runs out.</summary>
    public DateTime NextAttemptAt { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DeliveredAt { get; private set; }

    public void MarkDelivered(DateTime now)
    {
        if (Status != WebhookDeliveryStatus.Sending) throw new DomainException($"Only an event being sent can be marked delivered; this one is {Status}.");
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = Guard.Utc(now);
        LastError = null;
        ClaimToken = null;
    }

    /// <summary>
    /// A POST failed. A permanent refusal (a 4xx other than 408/429, no webhook set any more) or the last allowed attempt
    /// makes the event Failed; otherwise it waits with exponential back-off. The claim already counted the attempt.
    /// </summary>
    public void RecordFailure(string error, bool permanent, DateTime now)
    {
        if (Status != WebhookDeliveryStatus.Sending) throw new DomainException($"Only an event being sent can fail; this one is {Status}.");
        error = string.IsNullOrWhiteSpace(error) ? "Unknown error." : error.Trim();
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        ClaimToken = null;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = WebhookDeliveryStatus.Failed;
            return;
        }
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = Guard.Utc(now) + RetryDelay(Attempts);
    }

    /// <summary>An admin sends a failed event again: it gets a fresh set of attempts and keeps its event id.</summary>
    public void Resend(DateTime now)
    {
        if (Status != WebhookDeliveryStatus.Failed) throw new DomainException($"Only a failed event can be sent again; this one is {Status}.");
        Status = WebhookDeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = Guard.Utc(now);
    }

    /// <summary>1, 2, 4, 8 … minutes after the n-th failed attempt, at most <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan RetryDelay(int attempts) => RetryBackOff.After(attempts, FirstRetryDelay, MaxRetryDelay);
}
