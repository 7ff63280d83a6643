using Microsoft.AspNetCore.Identity;

namespace CommerceDesk.Data.Identity;

/// <summary>A back-office user: a manager or an admin.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
