namespace CommerceDesk.Data.Identity;

/// <summary>What an admin did to a back-office user; the users page lists these newest first.</summary>
public enum UserAuditAction { Created, PasswordReset, RoleChanged, Disabled, Enabled, SignedOutEverywhere }

/// <summary>One change to a back-office user: who made it, when, to whom and what.</summary>
public sealed class UserAuditEntry
{
    public const int EmailMaxLength = 256;
    public const int DetailMaxLength = 500;

    private UserAuditEntry() { }

    public UserAuditEntry(DateTime at, string actorEmail, string userEmail, UserAuditAction action, string detail)
    {
        At = at;
        ActorEmail = actorEmail;
        UserEmail = userEmail;
        Action = action;
        Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string ActorEmail { get; private set; } = "";
    public string UserEmail { get; private set; } = "";
    public UserAuditAction Action { get; private set; }
    public string Detail { get; private set; } = "";
}
