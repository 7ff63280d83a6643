using System.Security.Claims;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Workflows;

/// <summary>The signed-in user as the workflow records them: id for audit, display name for people.</summary>
public static class CurrentActor
{
    /// <summary>The claim the shell puts the user's display name in; the e-mail (Identity's name) otherwise.</summary>
    public const string DisplayNameClaim = "display_name";

    public static Actor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? "unknown";
        var name = user.FindFirstValue(DisplayNameClaim) is { Length: > 0 } display ? display : user.Identity.Name ?? id;
        return new Actor(id, name);
    }
}
