namespace CommerceDesk.Web.Users;

/// <summary>
/// Someone must always be able to manage users and settings: the last active admin can be neither disabled nor
/// made a manager.
/// </summary>
public static class LastAdminRule
{
    /// <summary>
    /// The reason the change is refused, or null when it may go ahead. <paramref name="removesAdmin"/> says whether
    /// the change takes admin rights away from the user (disabling, or making them a manager).
    /// </summary>
    public static string? Refusal(string email, bool isActiveAdmin, bool removesAdmin, int activeAdmins) =>
        removesAdmin && isActiveAdmin && activeAdmins <= 1
            ? $"{email} is the last active admin. Make another user an admin first, so someone can still manage users and settings."
            : null;
}
