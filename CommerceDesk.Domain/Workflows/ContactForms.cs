using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Customers;

namespace CommerceDesk.Domain.Workflows;

/// <summary>The forms and actions both workflows share: log a call, send an e-mail, write a note.</summary>
internal static class ContactForms
{
    public static readonly string[] Directions = [nameof(CallDirection.Outbound), nameof(CallDirection.Inbound)];
    public static readonly string[] Outcomes = ["Answered", "No answer", "Left voicemail", "Busy", "Wrong number"];

    public static FormSchema Call(string defaultSubject) => new(
    [
        new("phone", "Phone", FormFieldType.Phone) { Required = true, MaxLength = Customer.PhoneMaxLength, Prefill = (s, _) => s.ContactPhone },
        new("subject", "Subject", FormFieldType.Text) { Required = true, MaxLength = Activity.SubjectMaxLength, Prefill = (_, _) => defaultSubject },
        new("calledAt", "Date", FormFieldType.DateTime) { Required = true, Prefill = (_, now) => FormSchema.FormatDate(now) },
        new("direction", "Direction", FormFieldType.Choice) { Required = true, Choices = Directions, Prefill = (_, _) => Directions[0] },
        new("duration", "Duration (minutes)", FormFieldType.Integer) { Min = 0, Max = CallActivity.MaxDurationMinutes, Prefill = (_, _) => "0" },
        new("outcome", "Outcome", FormFieldType.Choice) { Required = true, Choices = Outcomes, Prefill = (_, _) => Outcomes[0] },
        new("notes", "Notes", FormFieldType.MultilineText) { MaxLength = Activity.TextMaxLength },
    ]);

    public static FormSchema Email(Func<WorkflowSubject, string> defaultSubject, Func<WorkflowSubject, string> defaultBody) => new(
    [
        new("to", "To", FormFieldType.Email) { Required = true, MaxLength = Customer.EmailMaxLength, Prefill = (s, _) => s.ContactEmail },
        new("subject", "Subject", FormFieldType.Text) { Required = true, MaxLength = Activity.SubjectMaxLength, Prefill = (s, _) => defaultSubject(s) },
        new("body", "Body", FormFieldType.MultilineText) { Required = true, MaxLength = EmailActivity.BodyMaxLength, Prefill = (s, _) => defaultBody(s) },
    ]);

    public static FormField Note(string label, bool required, string? helperText = null) =>
        new("note", label, FormFieldType.MultilineText) { Required = required, MaxLength = Activity.TextMaxLength, HelperText = helperText };

    public static readonly WorkflowAction RecordCall = new("Record the call as an activity", c =>
        c.Add(new CallActivity(c.Target, new CallDetails(
            c.Form.RequiredText("phone"),
            c.Form.Text("subject"),
            c.Form.Date("calledAt") ?? c.Now,
            c.Form.Choice<CallDirection>("direction") ?? CallDirection.Outbound,
            c.Form.Integer("duration") ?? 0,
            c.Form.Choice<CallOutcome>("outcome") ?? CallOutcome.Answered,
            c.Form.Text("notes")), c.Actor, c.Now)));

    public static readonly WorkflowAction RecordEmail = new("Send the e-mail and record it as an activity", c =>
        c.Add(new EmailActivity(c.Target, c.Form.RequiredText("to"), c.Form.RequiredText("subject"), c.Form.RequiredText("body"), c.Actor, c.Now)));

    public static readonly WorkflowAction RecordNote = new("Record the note as an activity", c =>
    {
        if (c.Form.Text("note") is { } text) c.Add(new NoteActivity(c.Target, $"{c.Transition.Label}: {text}", c.Actor, c.Now));
    });
}
