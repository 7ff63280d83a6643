using System.Security.Cryptography;

namespace CommerceDesk.Web.Identity;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer to other sites, and a Content-Security-Policy that
/// lets back-office pages run only this site's scripts (plus the framework's import map, by a per-request nonce).
/// MudBlazor sets inline styles everywhere, so styles stay open; e-mail previews may show images from the shop's
/// own hosts, so images may come from any https address. The Hangfire dashboard and the Scalar API reference bring
/// their own inline scripts and are left to their own defaults.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "CommerceDesk.CspNonce";
    private static readonly PathString[] OwnPolicyPaths = ["/hangfire", "/scalar"];

    /// <summary>The nonce the page's inline import map carries; the policy allows only that inline script.</summary>
    public static string NonceOf(HttpContext context) => context.Items[NonceItem] as string ?? "";

    public static string PolicyFor(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: https:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-src 'self'; " +
        "frame-ancestors 'self'; " +
        "form-action 'self'; " +
        "base-uri 'self'; " +
        "object-src 'none'";

    /// <summary>First in the pipeline: the headers are added as the answer starts, so error and status pages get them too.</summary>
    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            // Hex, not base64: "+" and "=" would reach the page HTML-encoded and no longer match the header.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            // Read now: the Hangfire dashboard moves its prefix into PathBase while it answers.
            var ownPolicy = OwnPolicyPaths.Any(p => context.Request.Path.StartsWithSegments(p));
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                if (!ownPolicy) headers.ContentSecurityPolicy = PolicyFor(nonce);
                return Task.CompletedTask;
            });
            await next();
        });
}
