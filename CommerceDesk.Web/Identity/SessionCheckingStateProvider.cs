using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using System.Security.Claims;

namespace CommerceDesk.Web.Identity;

/// <summary>
/// The sign-in state of an open page (Blazor circuit). It checks the session every minute (a change made on another
/// node) and at once when this node ends the user's sessions; a session that no longer stands turns the page
/// anonymous, and the router then sends it to the sign-in page, which ends the circuit.
/// </summary>
internal sealed class SessionCheckingStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private readonly BackOfficeSessions _sessions;
    private IDisposable? _watch;

    public SessionCheckingStateProvider(ILoggerFactory loggerFactory, BackOfficeSessions sessions) : base(loggerFactory)
    {
        _sessions = sessions;
        AuthenticationStateChanged += WatchSignedInUser;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        _sessions.IsCurrentAsync(authenticationState.User, cancellationToken);

    private async void WatchSignedInUser(Task<AuthenticationState> state)
    {
        try
        {
            var userId = _sessions.UserIdOf((await state).User);
            _watch?.Dispose();
            _watch = userId is null ? null : _sessions.Watch(userId, () => _ = CheckNowAsync());
        }
        catch (Exception)
        {
            // A faulted state task leaves nothing to watch; the periodic check still runs.
            _watch?.Dispose();
            _watch = null;
        }
    }

    private async Task CheckNowAsync()
    {
        var state = await GetAuthenticationStateAsync();
        if (!await _sessions.IsCurrentAsync(state.User, CancellationToken.None))
            SetAuthenticationState(Task.FromResult(Anonymous));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= WatchSignedInUser;
            _watch?.Dispose();
        }
        base.Dispose(disposing);
    }
}
