using CommerceDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommerceDesk.Web.Identity;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (a GET link could sign people out from another site).</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
}
