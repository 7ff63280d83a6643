namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>The RFC 7807 answers of the storefront API, worded for the developer of the storefront.</summary>
internal static class StorefrontProblems
{
    public static IResult Validation(FieldErrors errors) =>
        Results.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");

    public static IResult Validation(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Validation(errors);
    }

    public static IResult Unauthorized() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required.",
            detail: "Send the channel's active API key in the X-Api-Key header.");

    public static IResult Forbidden() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This API key belongs to another channel.",
            detail: "Use the key issued for the channel named in the URL.");

    public static IResult UnknownChannel(string channel) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown channel.",
            detail: $"There is no channel '{channel}'.");

    public static IResult NotFound(string what, string externalId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown {what}.",
            detail: $"No {what} with external id '{externalId}' was received on this channel.");

    public static IResult BusinessRule(string message) =>
        Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The change breaks a business rule.", detail: message);

    public static IResult UnsupportedMediaType() =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type.",
            detail: "Send the body as application/json.");

    /// <summary>A write refused for now: 503 with a Retry-After the storefront's webhook queue can honour.</summary>
    public static IResult Busy(HttpContext http, string reason)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "CommerceDesk is busy; nothing was stored.",
            detail: $"{reason} Send the same request again after {RetryAfterSeconds} seconds (Retry-After).");
    }

    // A full queue drains in about two seconds (see StorefrontOptions.WriteQueueLimit).
    private const int RetryAfterSeconds = 2;

    public static IResult TooLarge(int maxBytes) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.",
            detail: $"A request body may be at most {maxBytes / 1024} KB.");
}
