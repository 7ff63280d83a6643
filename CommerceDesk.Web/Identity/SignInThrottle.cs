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
}

/// <summary>
/// Sign-in attempts are limited per client address, below the account lockout (<see cref="MaxFailedAttempts"/>
/// failures in a row): a stranger hammering the form from one address is turned away before the account locks, so
/// they cannot keep an admin locked out by guessing quickly. The lockout still stops a guesser spread over many addresses.
/// </summary>
internal static class SignInThrottle
{
    public const int MaxFailedAttempts = 10;

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
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

    private static string ClientAddress(HttpContext context) =>
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
