using System.Text.Json;
using System.Text.RegularExpressions;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using Microsoft.AspNetCore.Http.Features;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>
/// Reads a storefront payload ourselves rather than through parameter binding, so every way a body can be
/// wrong (content type, size, syntax, types, enum names) becomes a problem document naming the field.
/// </summary>
internal static partial class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType()) return (null, StorefrontProblems.UnsupportedMediaType());
        if (request.ContentLength > MaxBytes) return (null, StorefrontProblems.TooLarge(MaxBytes));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes;

        byte[] body;
        try
        {
            body = await ReadLimitedAsync(request.Body, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel enforces the limit itself on chunked bodies that announce no length.
            return (null, StorefrontProblems.TooLarge(MaxBytes));
        }
        if (body.Length > MaxBytes) return (null, StorefrontProblems.TooLarge(MaxBytes));
        if (body.Length == 0) return (null, StorefrontProblems.Validation("body", "A JSON body is required."));

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, StorefrontJson.Options);
            return value is null
                ? (null, StorefrontProblems.Validation("body", "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Describe(ex));
        }
    }

    /// <summary>Reads at most one byte past the limit, so an endless body costs no more than the limit.</summary>
    private static async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) break;
        }
        return buffer.ToArray();
    }

    private static IResult Describe(JsonException ex)
    {
        var field = ex.Path is null or "$" ? "body" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path.TrimStart('$');
        var conversion = ConversionTarget().Match(ex.Message);
        if (conversion.Success && field != "body")
            return StorefrontProblems.Validation(field, $"Expected {Expected(conversion.Groups[1].Value)}.");

        var location = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
        var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd(' ', '|', '.');
        // A syntax error is about the document, not the field the reader happened to be in.
        return StorefrontProblems.Validation("body", $"The body is not valid JSON{location}: {reason}.");
    }

    /// <summary>Names the expected JSON shape without leaking .NET type names.</summary>
    private static string Expected(string typeName) => typeName switch
    {
        _ when typeName.Contains(nameof(CheckoutStep), StringComparison.Ordinal) => OneOf<CheckoutStep>(),
        _ when typeName.Contains(nameof(PaymentKind), StringComparison.Ordinal) => OneOf<PaymentKind>(),
        _ when typeName.Contains(nameof(PaymentStatus), StringComparison.Ordinal) => OneOf<PaymentStatus>(),
        _ when typeName.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when typeName.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when typeName.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("DateTime", StringComparison.Ordinal) => "an ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z",
        _ when typeName.Contains("String", StringComparison.Ordinal) => "a string",
        _ when typeName.Contains("List", StringComparison.Ordinal) || typeName.Contains("[]", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    private static string OneOf<TEnum>() where TEnum : struct, Enum =>
        "one of: " + string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));

    [GeneratedRegex(@"could not be converted to ([^\s]+)")]
    private static partial Regex ConversionTarget();
}
