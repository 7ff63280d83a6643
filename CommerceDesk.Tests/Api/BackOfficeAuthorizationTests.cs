using System.Net;
using CommerceDesk.Data.Identity;
using CommerceDesk.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api;

public abstract class BackOfficeAuthorizationTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : BackOfficeAuthorizationTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : BackOfficeAuthorizationTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Theory]
    [InlineData("/")]
    [InlineData("/orders")]
    [InlineData("/customers/1")]
    [InlineData("/settings")]
    [InlineData("/hangfire")]
    [InlineData("/export/orders.csv")]
    public async Task AnonymousVisitorsAreSentToTheSignInPage(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}");
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task SignInPageHealthAndScriptsAreOpen(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/channels/web/orders/any")]
    [InlineData("/openapi/v1.json")]
    public async Task TheStorefrontApiAndItsDocumentsAreNotBehindTheSignIn(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldBeNull();
    }

    [Theory]
    [InlineData("/settings")]
    [InlineData("/settings/users")]
    [InlineData("/hangfire")]
    public async Task AManagerGets403OnAdminPages(string path)
    {
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var response = await manager.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Access denied");
    }

    [Theory]
    [InlineData("/settings")]
    [InlineData("/settings/users")]
    [InlineData("/hangfire")]
    public async Task AnAdminOpensAdminPages(string path)
    {
        var admin = await factory.SignedInAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword);

        var response = await admin.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/orders")]
    [InlineData("/carts")]
    [InlineData("/customers")]
    [InlineData("/accounts")]
    [InlineData("/opportunities")]
    public async Task AManagerOpensTheWorkPages(string path)
    {
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var response = await manager.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheCsvExportDownloadsForASignedInUser()
    {
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var response = await manager.GetAsync("/export/orders.csv?status=Incoming");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte order mark, so spreadsheets read UTF-8");
        System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldStartWith("Order,Channel,Customer,E-mail");
    }

    [Fact]
    public async Task AWrongPasswordShowsAMessageAndSignsNobodyIn()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostSignInAsync(BackOfficeSignIn.ManagerEmail, "not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The e-mail or the password is not correct.");
        (await client.GetAsync("/orders")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/orders?status=Incoming", "/orders?status=Incoming")]
    [InlineData("/customers?q=Müller", "/customers?q=M%C3%BCller")]
    [InlineData("/customers?q=a%26b", "/customers?q=a%26b")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("https://evil.example/", "/")]
    public async Task SignInReturnsOnlyToPagesOfThisSite(string returnUrl, string expected)
    {
        var response = await factory.CreateBrowserLikeClient().PostSignInAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Kestrel refuses a header with non-ASCII characters (a 500), so the app must escape them itself.
        var raw = response.Headers.NonValidated["Location"].ToString();
        raw.ShouldAllBe(c => c < 128, raw);
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        location.Host.ShouldBe("localhost");
        location.PathAndQuery.ShouldBe(expected);
    }

    [Fact]
    public async Task TheDevelopmentUsersHaveTheirRoles()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        (await users.GetRolesAsync((await users.FindByEmailAsync(BackOfficeSignIn.AdminEmail))!)).ShouldBe([Roles.Admin]);
        (await users.GetRolesAsync((await users.FindByEmailAsync(BackOfficeSignIn.ManagerEmail))!)).ShouldBe([Roles.Manager]);
    }
}
