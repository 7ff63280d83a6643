using CommerceDesk.Data;
using CommerceDesk.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CommerceDesk.Web.Identity;

/// <summary>Names of the authorization policies pages and endpoints ask for.</summary>
public static class Policies
{
    public const string Admin = "Admin";
}

internal static class BackOfficeAuthorization
{
    public const string LoginPath = "/account/login";
    public const string StatusPagePath = "/account/status/{0}";

    /// <summary>
    /// Cookie sign-in with ASP.NET Core Identity. Every endpoint requires a signed-in user unless it says
    /// otherwise; the storefront API and its documentation carry their own key-based security.
    /// </summary>
    public static IServiceCollection AddBackOfficeIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.Cookie.Name = "CommerceDesk.Auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookiesSecurePolicy(environment);
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            // Every request re-checks the session against the database (not Identity's half-hourly check), so a
            // sign-out, a disabled user or "sign out everywhere" refuses old cookies at once.
            cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            // Signing in on the sign-in page makes the cookie handler redirect to ReturnUrl itself, before the page does.
            cookie.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(ReturnUrls.LocalOrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
            // A manager who opens an admin page gets 403 with the "access denied" page, not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookiesSecurePolicy(environment));

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CommerceDbContext>()
            .AddSignInManager<BackOfficeSignInManager>()
            .AddDefaultTokenProviders();

        services.AddSingleton<IAuthorizationHandler, SignedInOrPublicPathHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInOrPublicPathRequirement()).Build());

        services.AddSignInThrottle();
        services.AddSingleton<BackOfficeSessions>();
        services.AddScoped<AuthenticationStateProvider, SessionCheckingStateProvider>();
        services.AddScoped<AdminAccountCommand>();
        services.AddSingleton<Users.BackOfficeUsers>();
        if (environment.IsDevelopment())
            services.AddScoped<Infrastructure.IStartupSeeder, DevelopmentUsersSeeder>();
        return services;
    }

    /// <summary>Outside Development the sign-in and antiforgery cookies travel over HTTPS only (HSTS keeps browsers there).</summary>
    private static CookieSecurePolicy CookiesSecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<BackOfficeSessions>();
        if (context.Principal is { } principal && await sessions.IsCurrentAsync(principal, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>
    /// Renders the "access denied" and "not found" pages for browser requests that end in 403 or 404 without
    /// a body. API paths keep the problem-details answer of the app-wide status code pages.
    /// </summary>
    public static void UseBackOfficeStatusPages(this WebApplication app) =>
        app.UseWhen(
            context => !SignedInOrPublicPathHandler.IsPublicPath(context.Request.Path),
            branch => branch.UseStatusCodePagesWithReExecute(StatusPagePath, createScopeForStatusCodePages: true));

    public static void MapBackOfficeAccount(this WebApplication app) => app.MapAccountEndpoints();
}
