using CommerceDesk.Data.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CommerceDesk.Web.Identity;

internal static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token (a GET link could sign people out from another site). It renews
    /// the user's security stamp, so the cookie ends on the server too: a copy taken before sign-out (another tab,
    /// another computer, a stolen one) no longer opens any page.
    /// </summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signInManager, BackOfficeSessions sessions) =>
        {
            // The antiforgery middleware only marks a bad token; an endpoint that binds no form must refuse it itself.
            if (!await antiforgery.IsRequestValidAsync(http))
                return TypedResults.Problem("The sign-out form has expired; reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
            if (await signInManager.UserManager.GetUserAsync(http.User) is { } user)
                await sessions.EndAllAsync(signInManager.UserManager, user);
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
}
