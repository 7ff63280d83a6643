namespace CommerceDesk.Domain.Workflows;

/// <summary>OroCRM's "Order Follow Up" workflow (DESIGN §4): after an order, the customer is contacted once for feedback.</summary>
public static class OrderFollowUpWorkflow
{
    public const string Name = "order_follow_up";

    public static class Steps
    {
        public const string NotContacted = "not_contacted";
        public const string Emailed = "emailed";
        public const string Called = "called";
        public const string Contacted = "contacted";
    }

    public static class Transitions
    {
        public const string SendEmail = "send_email";
        public const string LogCall = "log_call";
        public const string RecordFeedback = "record_feedback";
        public const string NoReply = "no_reply";
    }

    public static readonly WorkflowCondition NotEmailedYet = new("not_emailed_yet", "not e-mailed yet",
        "The customer was already e-mailed about this order: an order is e-mailed only once.",
        (item, _) => !item.HasMade(Transitions.SendEmail));

    public static WorkflowDefinition Definition { get; } = new(Name, "Order Follow Up", WorkflowSubjectType.Order,
    [
        new(Steps.NotContacted, "Not contacted", IsStart: true),
        new(Steps.Emailed, "Emailed"),
        new(Steps.Called, "Called"),
        new(Steps.Contacted, "Contacted", IsFinal: true),
    ],
    [
        new()
        {
            Name = Transitions.SendEmail, Label = "Send email", FromSteps = [Steps.NotContacted], ToStep = Steps.Emailed,
            Conditions = [NotEmailedYet],
            Form = ContactForms.Email(s => $"Your order {s.RequireOrder().Number}", OrderEmailBody),
            Actions = [ContactForms.RecordEmail],
        },
        new()
        {
            Name = Transitions.LogCall, Label = "Log call", FromSteps = [Steps.NotContacted, Steps.Emailed], ToStep = Steps.Called,
            Form = ContactForms.Call("Order follow up"), Actions = [ContactForms.RecordCall],
        },
        new()
        {
            Name = Transitions.RecordFeedback, Label = "Record feedback", FromSteps = [Steps.Emailed, Steps.Called], ToStep = Steps.Contacted,
            Form = new([
                new("rating", "Rating", FormFieldType.Rating) { Required = true, Min = 1, Max = 5, HelperText = "1 (poor) to 5 (excellent)" },
                new("comments", "Comments", FormFieldType.MultilineText) { MaxLength = Orders.Order.FeedbackMaxLength },
            ]),
            Actions = [new("Store the customer's feedback on the order", c =>
                c.Subject.RequireOrder().RecordFeedback(c.Form.Integer("rating")!.Value, c.Form.Text("comments"), c.Now))],
        },
        new()
        {
            Name = Transitions.NoReply, Label = "No reply", FromSteps = [Steps.Called], ToStep = Steps.NotContacted,
            AllowsMassAction = true,
            Form = new([ContactForms.Note("Note", required: true, "E.g. \"answering machine\", \"call back after six\".")]),
            Actions = [ContactForms.RecordNote],
        },
    ]);

    private static string OrderEmailBody(WorkflowSubject subject)
    {
        var greeting = subject.Customer?.FirstName is { } first ? $"Hello {first}," : "Hello,";
        return $"{greeting}\n\nThank you for your order {subject.RequireOrder().Number}. How was your experience? We would love to hear from you.";
    }
}
