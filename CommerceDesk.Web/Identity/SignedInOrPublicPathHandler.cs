using Microsoft.AspNetCore.Authorization;

namespace CommerceDesk.Web.Identity;

/// <summary>The fallback requirement: a signed-in user, except on paths that carry their own security.</summary>
public sealed class SignedInOrPublicPathRequirement : IAuthorizationRequirement;

/// <summary>
/// The storefront API authenticates callers by API key and its OpenAPI documents are public, so the
/// back office's sign-in must not stand in front of them; everything else needs a signed-in user.
/// </summary>
internal sealed class SignedInOrPublicPathHandler : AuthorizationHandler<SignedInOrPublicPathRequirement>
{
    private static readonly PathString[] PublicPaths = ["/api", "/openapi", "/scalar"];

    public static bool IsPublicPath(PathString path) => PublicPaths.Any(p => path.StartsWithSegments(p));

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInOrPublicPathRequirement requirement)
    {
        var path = context.Resource switch
        {
            HttpContext http => http.Request.Path,
            _ => PathString.Empty,
        };
        if (context.User.Identity?.IsAuthenticated == true || IsPublicPath(path))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
