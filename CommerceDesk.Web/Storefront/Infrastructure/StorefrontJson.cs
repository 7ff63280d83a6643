using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceDesk.Web.Storefront.Infrastructure;

/// <summary>How storefront payloads are read: camelCase, enums as camelCase names, no numbers hidden in strings.</summary>
internal static class StorefrontJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applied to the app's HTTP JSON options too, so responses and the OpenAPI schemas match the requests.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
