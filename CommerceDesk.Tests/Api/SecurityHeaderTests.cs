using System.Net;
using System.Text.RegularExpressions;
using CommerceDesk.Data.Identity;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api;

// SQLite only: response headers do not depend on the database.
public sealed partial class SecurityHeaderTests(CommerceDeskFactory factory) : IClassFixture<CommerceDeskFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/orders")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/channels/web/orders/any")]
    [InlineData("/no-such-page")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task EveryAnswerForbidsSniffingAndReferrersToOtherSites(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
    }

    [Fact]
    public async Task BackOfficePagesRunOnlyThisSitesScriptsAndTheirOwnImportMap()
    {
        var client = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var response = await client.GetAsync("/orders");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        policy.ShouldBe(SecurityHeaders.PolicyFor(nonce));
        policy.ShouldNotContain("unsafe-eval");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"<script type=\"importmap\" nonce=\"{nonce}\">");
        Regex.Matches(html, "<script(?![^>]*\\ssrc=)(?![^>]*nonce=)[^>]*>").ShouldBeEmpty("every inline script carries the nonce");
        var second = (await client.GetAsync("/orders")).Headers.GetValues("Content-Security-Policy").Single();
        second.ShouldNotBe(policy, "a new nonce for every answer");
    }

    [Fact]
    public async Task TheJobsDashboardKeepsItsOwnPolicy()
    {
        var admin = await factory.SignedInAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword);

        var response = await admin.GetAsync("/hangfire");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Content-Security-Policy").ShouldBeFalse();
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}

public sealed class ProductionSecurityHeaderTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task OutsideDevelopmentHttpsIsEnforcedAndCookiesTravelOnlyOverIt()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<AdminAccountCommand>().EnsureUserAsync("owner@shop.example", "Str0ng-Passw0rd", "Owner", Roles.Admin))
                .Result.ShouldNotBe(UserCreationResult.Rejected);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://backoffice.shop.example/"), AllowAutoRedirect = false, HandleCookies = true,
        });

        var response = await client.PostSignInAsync("owner@shop.example", "Str0ng-Passw0rd");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(BackOfficeSignIn.AuthCookieName + "="));
        authCookie.ShouldContain("secure", Case.Insensitive);
        authCookie.ShouldContain("httponly", Case.Insensitive);
        var form = await factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://backoffice.shop.example/") })
            .GetAsync("/account/login");
        form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery")).ShouldContain("secure", Case.Insensitive);
    }
}
