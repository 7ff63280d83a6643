using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Identity;

/// <summary>Configuration section <c>SignIn</c>.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";
    public const int DefaultAttemptsPerMinute = 5;

    /// <summary>Sign-in attempts one client address may make per minute; the rest get 429.</summary>
    public int AttemptsPerMinute { get; set; } = DefaultAttemptsPerMinute;

    /// <summary>How far back failed sign-ins count (<see cref="SignInFailures"/>).</summary>
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins one client address may make within the window, whichever accounts it tries.</summary>
    public int FailuresPerAddress { get; set; } = 10;

    /// <summary>Failed sign-ins one account may take within the window, from all addresses together.</summary>
    public int FailuresPerAccount { get; set; } = 50;
}

/// <summary>
/// Sign-in attempts are limited per client address: a few a minute (429 for the rest), and a few failures per
/// quarter hour (<see cref="SignInFailures"/>). There is no account-wide lockout a stranger could trigger: guesses
/// from one address lock out only that address.
/// </summary>
internal static class SignInThrottle
{
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
        services.AddSingleton<SignInFailures>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInThrottleOptions>>((limiter, throttle) =>
        {
            var perMinute = Math.Max(1, throttle.Value.AttemptsPerMinute);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) => AnswerTooManyAsync(rejected.HttpContext, cancellationToken);
        });
        return services;
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(BackOfficeAuthorization.LoginPath, StringComparison.OrdinalIgnoreCase);

    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString() : "unknown";

    private static async ValueTask AnswerTooManyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = "60";
        context.Response.ContentType = "text/html; charset=utf-8";
        var login = WebUtility.HtmlEncode(BackOfficeAuthorization.LoginPath + context.Request.QueryString);
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Too many sign-in attempts · CommerceDesk</title></head>
            <body style="font-family: Roboto, Arial, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem;">
            <h1>Too many sign-in attempts</h1>
            <p>Too many attempts to sign in came from your network in the last minute. Wait a minute, then <a href="{login}">try again</a>.</p>
            </body></html>
            """, cancellationToken);
    }
}
