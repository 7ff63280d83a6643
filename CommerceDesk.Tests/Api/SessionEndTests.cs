using System.Net;
using CommerceDesk.Data.Identity;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api;

/// <summary>A session ends on the server: a copy of the cookie stops working, and so do open pages.</summary>
public abstract class SessionEndTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : SessionEndTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : SessionEndTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private const string Email = "session@shop.example";
    private const string Password = "Sess1on-Passw0rd";

    [Fact]
    public async Task ACookieCopiedBeforeSignOutIsRefusedAfterwards()
    {
        await EnsureUserAsync();
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.PostSignInAsync(Email, Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copy = factory.ClientWithCookie(BackOfficeSignIn.AuthCookieOf(signIn));
        (await copy.GetAsync("/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signOut = await client.PostSignOutAsync();
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var replay = await copy.GetAsync("/customers");
        replay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replay.Headers.Location!.ToString().ShouldContain("/account/login?ReturnUrl=%2Fcustomers");
    }

    [Fact]
    public async Task SignOutWithoutTheAntiforgeryTokenIsRefused()
    {
        await EnsureUserAsync();
        var client = await factory.SignedInAsync(Email, Password);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ADisabledUsersCookieIsRefusedAndTheyCannotSignInAgain()
    {
        await EnsureUserAsync();
        var client = await factory.SignedInAsync(Email, Password);
        (await client.GetAsync("/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            user.DisabledAt = DateTime.UtcNow;
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        }

        var response = await client.GetAsync("/customers");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
        var again = await factory.CreateBrowserLikeClient().PostSignInAsync(Email, Password);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("This account is disabled");
    }

    [Fact]
    public async Task AnOpenPageOfTheUserTurnsAnonymousTheMomentTheirSessionsEnd()
    {
        await EnsureUserAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var sessions = factory.Services.GetRequiredService<BackOfficeSessions>();
        var user = (await users.FindByEmailAsync(Email))!;
        await using var circuitScope = factory.Services.CreateAsyncScope();
        var circuit = (ServerAuthenticationStateProvider)circuitScope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(await principals.CreateAsync(user))));
        (await circuit.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated.ShouldBeTrue();
        var changed = new TaskCompletionSource<AuthenticationState>();
        circuit.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        await sessions.EndAllAsync(users, user);

        var after = await changed.Task;
        after.User.Identity!.IsAuthenticated.ShouldBeFalse();
    }

    private async Task EnsureUserAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(Email) is { } existing)
        {
            existing.DisabledAt = null;
            await users.UpdateAsync(existing);
            return;
        }
        var created = await scope.ServiceProvider.GetRequiredService<AdminAccountCommand>().EnsureUserAsync(Email, Password, "Sam Session", Roles.Manager);
        created.Result.ShouldBe(UserCreationResult.Created);
    }
}
