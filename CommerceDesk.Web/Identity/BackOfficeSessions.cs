using System.Collections.Concurrent;
using System.Security.Claims;
using CommerceDesk.Data;
using CommerceDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Identity;

/// <summary>
/// Whether a signed-in principal still stands: its user exists, is not disabled and carries the security stamp
/// it was issued with. Sign-out, "sign out everywhere", a role change, a password reset and disabling all change
/// the stamp, so every copy of an older cookie is refused on every node. Open pages (Blazor circuits) on this node
/// are told at once through <see cref="Watch"/>; other nodes notice on their next periodic check.
/// </summary>
public sealed class BackOfficeSessions(IDbContextFactory<CommerceDbContext> contexts, IOptions<IdentityOptions> identity)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action>> _watchers = new();

    public string? UserIdOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) : null;

    /// <summary>One primary-key read per request: cheap enough to check every request instead of every half hour.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(principal);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null) return false;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DisabledAt })
            .SingleOrDefaultAsync(cancellationToken);
        return user is { DisabledAt: null } && user.SecurityStamp == stamp;
    }

    /// <summary>
    /// Ends every session of the user: a new security stamp refuses all their cookies, and their open pages on this
    /// node are told now. Returns the update's errors (none on success).
    /// </summary>
    public async Task<IdentityResult> EndAllAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (result.Succeeded) NotifyEnded(user.Id);
        return result;
    }

    /// <summary>Tells this node's open pages of the user to check their sign-in now.</summary>
    public void NotifyEnded(string userId)
    {
        if (!_watchers.TryGetValue(userId, out var callbacks)) return;
        foreach (var callback in callbacks.Values) callback();
    }

    /// <summary>Registers an open page of the user; dispose to stop watching.</summary>
    public IDisposable Watch(string userId, Action onSessionsEnded)
    {
        var key = Guid.NewGuid();
        _watchers.GetOrAdd(userId, _ => new ConcurrentDictionary<Guid, Action>())[key] = onSessionsEnded;
        return new Watcher(() =>
        {
            if (_watchers.TryGetValue(userId, out var callbacks)) callbacks.TryRemove(key, out _);
        });
    }

    private sealed class Watcher(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
