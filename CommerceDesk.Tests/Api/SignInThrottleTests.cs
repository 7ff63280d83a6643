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

/// <summary>The app with room for more attempts a minute, so the limit on failures shows on its own.</summary>
public sealed class RoomySignInLimitFactory : CommerceDeskFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SignIn:AttemptsPerMinute", "100");
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

        for (var attempt = 0; attempt < 12; attempt++)
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
        (await users.CheckPasswordAsync(admin, BackOfficeSignIn.AdminPassword)).ShouldBeTrue();
    }
}

// SQLite only, as above.
public sealed class SignInFailureLimitTests(RoomySignInLimitFactory factory) : IClassFixture<RoomySignInLimitFactory>
{
    [Fact]
    public async Task SlowGuessingFromOneAddressLocksOutThatAddressAndNeverTheAccount()
    {
        var stranger = factory.CreateBrowserLikeClient();
        var limit = new SignInThrottleOptions().FailuresPerAddress;

        var guesses = new List<string>();
        for (var attempt = 0; attempt <= limit; attempt++)
            guesses.Add(await (await stranger.PostSignInAsync(BackOfficeSignIn.AdminEmail, $"slow-guess-{attempt}")).Content.ReadAsStringAsync());
        // Past the limit even the right password is not checked from this address.
        var rightPassword = await (await stranger.PostSignInAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword)).Content.ReadAsStringAsync();

        guesses.Take(limit).ShouldAllBe(page => page.Contains("The e-mail or the password is not correct."));
        guesses[limit].ShouldContain("Too many failed sign-ins from your network.");
        rightPassword.ShouldContain("Too many failed sign-ins from your network.");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(BackOfficeSignIn.AdminEmail))!;
        (await users.IsLockedOutAsync(admin)).ShouldBeFalse();
        (await users.GetAccessFailedCountAsync(admin)).ShouldBe(0);
    }
}
