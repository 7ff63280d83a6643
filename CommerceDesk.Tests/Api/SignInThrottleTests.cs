using System.Net;
using CommerceDesk.Data.Identity;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api;

/// <summary>The app with the sign-in limit it ships with.</summary>
public sealed class ShippedSignInLimitFactory : CommerceDeskFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SignIn:AttemptsPerMinute", SignInThrottleOptions.DefaultAttemptsPerMinute.ToString());
    }
}

// SQLite only: the throttle counts attempts in memory, so the database makes no difference here.
public sealed class SignInThrottleTests(ShippedSignInLimitFactory factory) : IClassFixture<ShippedSignInLimitFactory>
{
    [Fact]
    public async Task QuickWrongPasswordsFromOneAddressAreTurnedAwayBeforeTheAdminIsLockedOut()
    {
        var stranger = factory.CreateBrowserLikeClient();
        var answers = new List<HttpResponseMessage>();

        for (var attempt = 0; attempt < SignInThrottle.MaxFailedAttempts + 2; attempt++)
            answers.Add(await stranger.PostSignInAsync(BackOfficeSignIn.AdminEmail, $"guess-{attempt}"));

        answers.Take(SignInThrottleOptions.DefaultAttemptsPerMinute).ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Skip(SignInThrottleOptions.DefaultAttemptsPerMinute).ToList();
        refused.ShouldAllBe(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        (await refused[0].Content.ReadAsStringAsync()).ShouldContain("Too many attempts to sign in came from your network in the last minute.");
        refused[0].Headers.RetryAfter.ShouldNotBeNull();

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(BackOfficeSignIn.AdminEmail))!;
        (await users.IsLockedOutAsync(admin)).ShouldBeFalse();
        (await users.GetAccessFailedCountAsync(admin)).ShouldBe(SignInThrottleOptions.DefaultAttemptsPerMinute);
        (await users.CheckPasswordAsync(admin, BackOfficeSignIn.AdminPassword)).ShouldBeTrue();
    }
}
