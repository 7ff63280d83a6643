using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;

namespace CommerceDesk.Domain.Activities;

public enum CallDirection { Outbound, Inbound }

public enum CallOutcome { Answered, NoAnswer, LeftVoicemail, Busy, WrongNumber }

public sealed record CallDetails(
    string Phone, string? Subject, DateTime CalledAt, CallDirection Direction, int DurationMinutes,
    CallOutcome Outcome, string? Notes);

public sealed class CallActivity : Activity
{
    public const int MaxDurationMinutes = 600;

    private CallActivity() { }

    public CallActivity(ActivityTarget target, CallDetails call, Actor by, DateTime now) : base(target, by, now)
    {
        Phone = Guard.Required(call.Phone, "Phone", Customer.PhoneMaxLength);
        Subject = Guard.Optional(call.Subject, "Subject", SubjectMaxLength) ?? "Call";
        if (call.DurationMinutes is < 0 or > MaxDurationMinutes)
            throw new DomainException($"Duration must be between 0 and {MaxDurationMinutes} minutes.");
        CalledAt = Guard.Utc(call.CalledAt);
        Direction = call.Direction;
        DurationMinutes = call.DurationMinutes;
        Outcome = call.Outcome;
        Notes = Guard.Optional(call.Notes, "Notes", TextMaxLength);
    }

    public string Phone { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public DateTime CalledAt { get; private set; }
    public CallDirection Direction { get; private set; }
    public int DurationMinutes { get; private set; }
    public CallOutcome Outcome { get; private set; }
    public string? Notes { get; private set; }

    public override ActivityKind Kind => ActivityKind.Call;

    public override string Summary => $"{Direction} call to {Phone}: {Subject} ({Outcome}, {DurationMinutes} min)";
}
