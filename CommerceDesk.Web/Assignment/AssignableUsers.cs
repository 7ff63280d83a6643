using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>A back-office user orders can be given to.</summary>
public sealed record AssignableUser(string Id, string Name, string Email, bool IsActive)
{
    public string Label => Name == Email || Name.Length == 0 ? Email : $"{Name} ({Email})";
}

public static class AssignableUsers
{
    /// <summary>Every back-office user, active first then by name; disabled ones only name past assignments.</summary>
    public static async Task<IReadOnlyList<AssignableUser>> ListAsync(CommerceDbContext db, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.DisabledAt })
            .ToListAsync(ct);
        return users.Select(u => new AssignableUser(u.Id, u.DisplayName, u.Email ?? "", u.DisabledAt == null))
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The ids among <paramref name="userIds"/> that belong to active users.</summary>
    public static Task<List<string>> ActiveAsync(CommerceDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.DisabledAt == null).Select(u => u.Id).ToListAsync(ct);
}
