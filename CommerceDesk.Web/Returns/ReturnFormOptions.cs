namespace CommerceDesk.Web.Returns;

/// <summary>Configuration section <c>Returns</c>: how often the public return form may be used.</summary>
public sealed class ReturnFormOptions
{
    public const string Section = "Returns";

    /// <summary>Uses of the form (look-ups and submissions) one client address may make per window.</summary>
    public int AttemptsPerAddress { get; set; } = 10;

    /// <summary>Uses of the form for one order number per window, from any address.</summary>
    public int AttemptsPerOrderNumber { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
