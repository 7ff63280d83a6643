using CommerceDesk.Data.Identity;

namespace CommerceDesk.Web.Users;

/// <summary>How a change to a user reads in the users page's history.</summary>
public static class UserAuditText
{
    public static string Describe(UserAuditAction action, string detail) => action switch
    {
        UserAuditAction.Created => $"Created as {detail.ToLowerInvariant()}",
        UserAuditAction.PasswordReset => "Password reset",
        UserAuditAction.RoleChanged => $"Role changed: {detail}",
        UserAuditAction.Disabled => "Disabled",
        UserAuditAction.Enabled => "Enabled",
        UserAuditAction.SignedOutEverywhere => "Signed out everywhere",
        _ => action.ToString(),
    };
}

public static class RoleText
{
    /// <summary>"an admin", "a manager".</summary>
    public static string WithArticle(string role) => (role == Roles.Admin ? "an " : "a ") + role.ToLowerInvariant();
}
