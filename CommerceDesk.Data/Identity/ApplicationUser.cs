using Microsoft.AspNetCore.Identity;

namespace CommerceDesk.Data.Identity;

/// <summary>A back-office user: a manager or an admin.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set while an admin has disabled the user: no sign-in, and every session ends.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>The last successful sign-in (UTC), shown on the users page.</summary>
    public DateTime? LastSignInAt { get; set; }

    public bool IsActive => DisabledAt is null;
}
