namespace CommerceDesk.Web.Returns;

/// <summary>What the public return form posts: step one sends number and e-mail, step two also the lines and reason.</summary>
public sealed class ReturnFormInput
{
    public const string FindStep = "find";
    public const string SendStep = "send";

    public string? Step { get; set; }
    public string? OrderNumber { get; set; }
    public string? Email { get; set; }
    public List<ReturnLineInput>? Lines { get; set; }
    public string? Reason { get; set; }
}

public sealed class ReturnLineInput
{
    public int Position { get; set; }
    public int? Quantity { get; set; }
}
