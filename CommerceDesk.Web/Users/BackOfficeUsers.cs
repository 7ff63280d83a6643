using System.ComponentModel.DataAnnotations;
using System.Data;
using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Data.Identity;
using CommerceDesk.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommerceDesk.Web.Users;

public sealed record BackOfficeUserRow(string Id, string Email, string DisplayName, string Role, bool IsActive, DateTime? LastSignInAt);

public sealed record UserAuditRow(DateTime At, string ActorEmail, string UserEmail, UserAuditAction Action, string Detail);

/// <summary>The outcome of a change: a message for the admin, and the one-time password when one was made.</summary>
public sealed record UserChangeOutcome(bool Succeeded, string Message, string? OneTimePassword = null, string? PasswordFor = null)
{
    public static UserChangeOutcome Refused(string message) => new(false, message);
}

/// <summary>
/// What an admin does on the users page. Each change runs in one serializable transaction with its audit entry, so
/// two admins on two nodes cannot both pass the last-admin check, and a change is never saved without its record.
/// A change that takes rights away (role, disable, reset, sign out everywhere) renews the user's security stamp, so
/// their cookies stop working at once; their open pages on this node are told after the commit.
/// </summary>
public sealed class BackOfficeUsers(
    IServiceScopeFactory scopes, IDbContextFactory<CommerceDbContext> contexts, BackOfficeSessions sessions, TimeProvider clock)
{
    public const int AuditShown = 100;
    private const string ConcurrentChange = "Someone changed users at the same time. Reload the page and try again.";

    public async Task<IReadOnlyList<BackOfficeUserRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.DisabledAt, u.LastSignInAt,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new BackOfficeUserRow(u.Id, u.Email ?? "", u.DisplayName, u.Role ?? "", u.DisabledAt is null, u.LastSignInAt)).ToList();
    }

    public async Task<IReadOnlyList<UserAuditRow>> AuditAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserAuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(AuditShown)
            .Select(e => new UserAuditRow(e.At, e.ActorEmail, e.UserEmail, e.Action, e.Detail))
            .ToListAsync(cancellationToken);
    }

    public async Task<UserChangeOutcome> CreateAsync(string actor, string email, string displayName, string role)
    {
        email = email.Trim();
        if (email.Length == 0 || !new EmailAddressAttribute().IsValid(email))
            return UserChangeOutcome.Refused("Enter a valid e-mail address.");
        if (!Roles.All.Contains(role)) return UserChangeOutcome.Refused("Choose the role Admin or Manager.");
        var password = OneTimePassword.New();
        return await ChangeAsync(async (users, db) =>
        {
            if (await users.FindByEmailAsync(email) is not null) return UserChangeOutcome.Refused($"A user {email} already exists.");
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim() is { Length: > 0 } name ? name : email };
            if (Failed(await users.CreateAsync(user, password)) is { } created) return created;
            if (Failed(await users.AddToRoleAsync(user, role)) is { } added) return added;
            Audit(db, actor, email, UserAuditAction.Created, role);
            return new UserChangeOutcome(true, $"{email} can sign in now with the password below.", password, email);
        });
    }

    /// <summary>A new one-time password; the old one and every session of the user stop working.</summary>
    public Task<UserChangeOutcome> ResetPasswordAsync(string actor, string userId) =>
        ChangeUserAsync(userId, endsSessions: true, async (users, db, user) =>
        {
            var password = OneTimePassword.New();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            if (Failed(await users.ResetPasswordAsync(user, token, password)) is { } reset) return reset;
            // An admin's reset also lifts any lockout (sign-in no longer locks accounts, but older databases may hold one).
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            Audit(db, actor, user.Email!, UserAuditAction.PasswordReset, "New one-time password");
            return new UserChangeOutcome(true, $"{user.Email} is signed out everywhere; they sign in with the password below.", password, user.Email);
        });

    public Task<UserChangeOutcome> ChangeRoleAsync(string actor, string userId, string role) =>
        ChangeUserAsync(userId, endsSessions: true, async (users, db, user) =>
        {
            if (!Roles.All.Contains(role)) return UserChangeOutcome.Refused("Choose the role Admin or Manager.");
            var current = await users.GetRolesAsync(user);
            if (current.SequenceEqual([role])) return UserChangeOutcome.Refused($"{user.Email} is already {RoleText.WithArticle(role)}.");
            if (await LastAdminRefusalAsync(db, user, current, removesAdmin: role != Roles.Admin) is { } refused) return refused;
            if (Failed(await users.RemoveFromRolesAsync(user, current)) is { } removed) return removed;
            if (Failed(await users.AddToRoleAsync(user, role)) is { } added) return added;
            if (Failed(await users.UpdateSecurityStampAsync(user)) is { } stamped) return stamped;
            Audit(db, actor, user.Email!, UserAuditAction.RoleChanged, $"{string.Join(", ", current)} → {role}");
            return new UserChangeOutcome(true, $"{user.Email} is now {RoleText.WithArticle(role)}; they sign in again to continue.");
        });

    public Task<UserChangeOutcome> SetActiveAsync(string actor, string userId, bool active) =>
        ChangeUserAsync(userId, endsSessions: !active, async (users, db, user) =>
        {
            if (user.IsActive == active) return UserChangeOutcome.Refused($"{user.Email} is already {(active ? "active" : "disabled")}.");
            if (!active && await LastAdminRefusalAsync(db, user, await users.GetRolesAsync(user), removesAdmin: true) is { } refused) return refused;
            user.DisabledAt = active ? null : clock.GetUtcNow().UtcDateTime;
            if (Failed(await users.UpdateAsync(user)) is { } updated) return updated;
            // A new stamp on disabling keeps old cookies dead should the user be enabled again.
            if (!active && Failed(await users.UpdateSecurityStampAsync(user)) is { } stamped) return stamped;
            Audit(db, actor, user.Email!, active ? UserAuditAction.Enabled : UserAuditAction.Disabled, "");
            return new UserChangeOutcome(true, active
                ? $"{user.Email} can sign in again."
                : $"{user.Email} is disabled: signed out everywhere and cannot sign in.");
        });

    public Task<UserChangeOutcome> SignOutEverywhereAsync(string actor, string userId) =>
        ChangeUserAsync(userId, endsSessions: true, async (users, db, user) =>
        {
            if (Failed(await users.UpdateSecurityStampAsync(user)) is { } stamped) return stamped;
            Audit(db, actor, user.Email!, UserAuditAction.SignedOutEverywhere, "");
            return new UserChangeOutcome(true, $"{user.Email} is signed out on every computer and browser.");
        });

    private async Task<UserChangeOutcome> ChangeUserAsync(
        string userId, bool endsSessions, Func<UserManager<ApplicationUser>, CommerceDbContext, ApplicationUser, Task<UserChangeOutcome>> change)
    {
        var outcome = await ChangeAsync(async (users, db) =>
            await users.FindByIdAsync(userId) is { } user
                ? await change(users, db, user)
                : UserChangeOutcome.Refused("This user no longer exists. Reload the page."));
        if (outcome.Succeeded && endsSessions) sessions.NotifyEnded(userId);
        return outcome;
    }

    private async Task<UserChangeOutcome> ChangeAsync(Func<UserManager<ApplicationUser>, CommerceDbContext, Task<UserChangeOutcome>> change)
    {
        // SQL Server retries transient failures (a deadlock between two admins included) only as a whole unit.
        await using var probe = await contexts.CreateDbContextAsync();
        try
        {
            return await probe.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                // A scope per attempt: Identity's stores share its context, which must not outlive one change on a long-lived page.
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                var db = scope.ServiceProvider.GetRequiredService<CommerceDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
                var outcome = await change(users, db);
                if (!outcome.Succeeded) return outcome;
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return outcome;
            });
        }
        catch (Exception e) when (e is DbException or DbUpdateException or RetryLimitExceededException)
        {
            return UserChangeOutcome.Refused(ConcurrentChange);
        }
    }

    private static async Task<UserChangeOutcome?> LastAdminRefusalAsync(CommerceDbContext db, ApplicationUser user, IList<string> roles, bool removesAdmin)
    {
        var activeAdmins = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.DisabledAt == null), id => id, u => u.Id, (id, u) => id)
            .CountAsync();
        return LastAdminRule.Refusal(user.Email!, user.IsActive && roles.Contains(Roles.Admin), removesAdmin, activeAdmins) is { } reason
            ? UserChangeOutcome.Refused(reason)
            : null;
    }

    private void Audit(CommerceDbContext db, string actor, string email, UserAuditAction action, string detail) =>
        db.Set<UserAuditEntry>().Add(new UserAuditEntry(clock.GetUtcNow().UtcDateTime, actor, email, action, detail));

    /// <summary>Identity's refusal as the admin's message (the transaction then rolls back), or null on success.</summary>
    private static UserChangeOutcome? Failed(IdentityResult result) =>
        result.Succeeded
            ? null
            : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? UserChangeOutcome.Refused(ConcurrentChange)
                : UserChangeOutcome.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
}
