using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

/// <summary>What the customer said when followed up (Order Follow Up workflow's "Record feedback").</summary>
public sealed partial class Order
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int FeedbackMaxLength = 4000;

    public int? FeedbackRating { get; private set; }
    public string? FeedbackComments { get; private set; }
    public DateTime? FeedbackAt { get; private set; }

    public void RecordFeedback(int rating, string? comments, DateTime at)
    {
        if (rating is < MinRating or > MaxRating)
            throw new DomainException($"Rating must be between {MinRating} and {MaxRating}.");
        if (FeedbackAt is not null) throw new DomainException("Feedback was already recorded for this order.");
        FeedbackRating = rating;
        FeedbackComments = Guard.Optional(comments, "Comments", FeedbackMaxLength);
        FeedbackAt = Guard.Utc(at);
    }
}
