namespace CommerceDesk.Domain.Assignment;

public static class AssigneeRules
{
    /// <summary>The length of a back-office user's id (ASP.NET Identity's key column).</summary>
    public const int UserIdMaxLength = 450;
}
