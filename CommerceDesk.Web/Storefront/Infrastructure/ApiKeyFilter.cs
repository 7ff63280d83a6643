namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// Authenticates the storefront before anything else is looked at: no key or an unknown key is 401 whatever
/// the URL says, so channel codes are never revealed to a caller without a key.
/// </summary>
internal sealed class ApiKeyFilter(ChannelKeyResolver resolver) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";
    private const string ChannelIdItem = "storefront-channel-id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        var key = http.Request.Headers[HeaderName].ToString();
        var keyChannelId = string.IsNullOrWhiteSpace(key) ? null : await resolver.ChannelOfKeyAsync(key.Trim(), ct);
        if (keyChannelId is null)
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
            return StorefrontProblems.Unauthorized();
        }

        var code = http.Request.RouteValues["channel"] as string ?? "";
        var channelId = await resolver.ChannelOfCodeAsync(code, ct);
        if (channelId is null) return StorefrontProblems.UnknownChannel(code);
        if (channelId != keyChannelId) return StorefrontProblems.Forbidden();

        http.Items[ChannelIdItem] = channelId.Value;
        return await next(context);
    }

    /// <summary>The authenticated channel of the request, set by the filter.</summary>
    public static long ChannelId(HttpContext http) => (long)http.Items[ChannelIdItem]!;
}
