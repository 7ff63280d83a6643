using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Crm.Connectors;

/// <summary>A Salesforce access token and the instance it is for, as the OAuth 2.0 token endpoint answered.</summary>
public sealed record SalesforceToken(string AccessToken, string InstanceUrl);

/// <summary>
/// Fetches and keeps the access token (OAuth 2.0 client-credentials flow against <c>{LoginUrl}/services/oauth2/token</c>).
/// The client secret goes only into that request's body; it is never logged or shown, and errors quote only
/// Salesforce's own answer.
/// </summary>
public sealed class SalesforceSession(HttpClient http, IOptions<CrmOptions> options)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SalesforceToken? _token;

    /// <summary>The instance the last token named, for the grids' "CRM ID" links.</summary>
    public string? InstanceUrl => _token?.InstanceUrl;

    public async Task<SalesforceToken> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } token) return token;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return _token ??= await RequestAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Drops the token <paramref name="stale"/> (Salesforce said INVALID_SESSION_ID) and fetches a new one, once for all callers.</summary>
    public async Task<SalesforceToken> RefreshAsync(SalesforceToken stale, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } current && current != stale) return current;
            return _token = await RequestAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<SalesforceToken> RequestAsync(CancellationToken cancellationToken)
    {
        var sf = options.Value.Salesforce;
        if (string.IsNullOrWhiteSpace(sf.ClientId) || string.IsNullOrWhiteSpace(sf.ClientSecret))
            throw new SalesforceException("Crm:Salesforce:ClientId and Crm:Salesforce:ClientSecret are not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{sf.LoginUrl.TrimEnd('/')}/services/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = sf.ClientId,
                ["client_secret"] = sf.ClientSecret,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryRead<TokenError>(body);
            throw new SalesforceException($"Salesforce refused the token request ({(int)response.StatusCode}): "
                + (error?.Description ?? error?.Error ?? response.ReasonPhrase), transient: (int)response.StatusCode >= 500);
        }
        var answer = TryRead<TokenAnswer>(body);
        if (answer?.AccessToken is not { Length: > 0 } accessToken || answer.InstanceUrl is not { Length: > 0 } instance)
            throw new SalesforceException("Salesforce's token answer had no access_token or instance_url.");
        return new SalesforceToken(accessToken, instance.TrimEnd('/'));
    }

    private static T? TryRead<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("instance_url")] string? InstanceUrl);

    private sealed record TokenError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}

/// <summary>A Salesforce call failed as a whole (every record it carried fails with this message).</summary>
public sealed class SalesforceException(string message, bool transient = false) : Exception(message)
{
    public bool Transient { get; } = transient;
}
