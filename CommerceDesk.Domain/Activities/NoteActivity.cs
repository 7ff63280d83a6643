using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Activities;

public sealed class NoteActivity : Activity
{
    private NoteActivity() { }

    public NoteActivity(ActivityTarget target, string text, Actor by, DateTime now) : base(target, by, now) =>
        Text = Guard.Required(text, "Note", TextMaxLength);

    public string Text { get; private set; } = "";

    public override ActivityKind Kind => ActivityKind.Note;

    public override string Summary => Text;
}
