using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommerceDesk.Tests.Support;

/// <summary>Signs a test client in through the real sign-in form (antiforgery token and all).</summary>
public static partial class BackOfficeSignIn
{
    public const string AdminEmail = "admin@commercedesk.local";
    public const string AdminPassword = "Admin123!";
    public const string ManagerEmail = "manager@commercedesk.local";
    public const string ManagerPassword = "Manager123!";

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient CreateBrowserLikeClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password, string returnUrl = "/")
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return await client.PostAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> factory, string email, string password)
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostSignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>The sign-in cookie a response set (<c>name=value</c>), to replay it from another client.</summary>
    public static string AuthCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(AuthCookieName + "="));

    public const string AuthCookieName = "CommerceDesk.Auth";

    /// <summary>A client that sends only the given cookie, as someone holding a copy of it would.</summary>
    public static HttpClient ClientWithCookie(this WebApplicationFactory<Program> factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Signs out through the user menu's form: a POST with the antiforgery token a signed-in page carries.</summary>
    public static async Task<HttpResponseMessage> PostSignOutAsync(this HttpClient client)
    {
        var page = await client.GetStringAsync("/customers");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
