using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Crm;

/// <summary>
/// Salesforce's REST API as it documents itself, on a loopback port: the OAuth 2.0 token endpoint (client-credentials
/// flow) and sObject Collections upsert by an external id field (<c>PATCH /services/data/vXX.X/composite/sobjects/{type}/{field}</c>,
/// at most 200 records, allOrNone, per-record results in order), plus sObject Collections create for contact roles.
/// Every call is recorded; outages, expired sessions and field limits can be switched on.
/// </summary>
public sealed class FakeSalesforce : IAsyncDisposable
{
    public const string ClientId = "commercedesk-client";
    public const string ClientSecret = "very-secret-value-42";
    public const string ExternalIdField = "CommerceDesk_Id__c";
    /// <summary>Opportunity.Name's length in Salesforce.</summary>
    public const int NameMaxLength = 120;

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private int _tokens;
    private string _validToken = "";
    private int _upsertIds;

    public FakeSalesforce()
    {
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"{BaseUrl}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public sealed record Call(string Method, string Path, string? Authorization, JsonNode? Body, int Status);

    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>Stored records by type, keyed by our external id: Salesforce's id and how many times each was created.</summary>
    public ConcurrentDictionary<(string Type, string Key), (string Id, int Created, JsonObject Fields)> Records { get; } = new();

    public ConcurrentBag<JsonObject> ContactRoles { get; } = [];

    /// <summary>The next this many data calls answer 503 (an outage).</summary>
    public int UnavailableCalls { get; set; }

    /// <summary>After this many more successful data calls, the current token expires (401 INVALID_SESSION_ID).</summary>
    public int? ExpireTokenAfterCalls { get; set; }

    public int TokenRequests => Volatile.Read(ref _tokens);

    public IReadOnlyList<Call> OpportunityUpserts =>
        Calls.Where(c => c.Method == "PATCH" && c.Path.EndsWith($"/composite/sobjects/Opportunity/{ExternalIdField}", StringComparison.Ordinal)).ToList();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var path = request.Url!.AbsolutePath;
        var auth = request.Headers["Authorization"];
        int status;
        JsonNode? answer;
        if (request.HttpMethod == "POST" && path == "/services/oauth2/token") (status, answer) = Token(text);
        else (status, answer) = Data(request.HttpMethod, path, auth, text);

        Calls.Enqueue(new Call(request.HttpMethod, path, auth, SafeParse(text), status));
        var bytes = Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int, JsonNode?) Token(string form)
    {
        var fields = form.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.ElementAtOrDefault(1) ?? ""));
        if (fields.GetValueOrDefault("grant_type") != "client_credentials")
            return (400, new JsonObject { ["error"] = "unsupported_grant_type", ["error_description"] = "grant type not supported" });
        if (fields.GetValueOrDefault("client_id") != ClientId || fields.GetValueOrDefault("client_secret") != ClientSecret)
            return (400, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "invalid client credentials" });
        var n = Interlocked.Increment(ref _tokens);
        lock (_gate) _validToken = $"00D-token-{n}";
        return (200, new JsonObject
        {
            ["access_token"] = _validToken,
            ["instance_url"] = BaseUrl,
            ["id"] = $"{BaseUrl}/id/00D000000000001/005000000000001",
            ["token_type"] = "Bearer",
            ["issued_at"] = "1764493200000",
            ["signature"] = "c2lnbmF0dXJl",
        });
    }

    private (int, JsonNode?) Data(string method, string path, string? auth, string text)
    {
        lock (_gate)
        {
            if (auth != $"Bearer {_validToken}")
                return (401, new JsonArray(new JsonObject { ["message"] = "Session expired or invalid", ["errorCode"] = "INVALID_SESSION_ID" }));
            if (UnavailableCalls > 0)
            {
                UnavailableCalls--;
                return (503, new JsonArray(new JsonObject { ["message"] = "Service Unavailable", ["errorCode"] = "SERVER_UNAVAILABLE" }));
            }
            if (ExpireTokenAfterCalls is { } left)
            {
                if (left <= 0)
                {
                    _validToken = "expired";
                    ExpireTokenAfterCalls = null;
                    return (401, new JsonArray(new JsonObject { ["message"] = "Session expired or invalid", ["errorCode"] = "INVALID_SESSION_ID" }));
                }
                ExpireTokenAfterCalls = left - 1;
            }
        }
        var body = SafeParse(text) as JsonObject;
        var records = body?["records"] as JsonArray;
        if (records is null || body!["allOrNone"] is null)
            return (400, new JsonArray(new JsonObject { ["message"] = "JSON body with allOrNone and records expected", ["errorCode"] = "JSON_PARSER_ERROR" }));
        if (records.Count > 200)
            return (400, new JsonArray(new JsonObject { ["message"] = "Maximum number of records (200) exceeded", ["errorCode"] = "EXCEEDED_ID_LIMIT" }));

        const string prefix = "/services/data/v62.0/composite/sobjects";
        if (method == "POST" && path == prefix)
            return (200, new JsonArray(records.Select(r => (JsonNode?)Create((JsonObject)r!)).ToArray()));
        var parts = path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[(prefix.Length + 1)..].Split('/') : [];
        if (method == "PATCH" && parts.Length == 2 && parts[1] == ExternalIdField)
            return (200, new JsonArray(records.Select(r => (JsonNode?)Upsert(parts[0], (JsonObject)r!)).ToArray()));
        return (404, new JsonArray(new JsonObject { ["message"] = "The requested resource does not exist", ["errorCode"] = "NOT_FOUND" }));
    }

    private JsonObject Upsert(string type, JsonObject record)
    {
        if (record["attributes"]?["type"]?.GetValue<string>() != type)
            return Failure("INVALID_TYPE", "attributes.type must match the URL's sObject type", []);
        if (record[ExternalIdField]?.GetValue<string>() is not { Length: > 0 } key)
            return Failure("MISSING_ARGUMENT", $"{ExternalIdField} not specified", [ExternalIdField]);
        if (type == "Opportunity" && record["Name"]?.GetValue<string>() is { } name && name.Length > NameMaxLength)
            return Failure("STRING_TOO_LONG", $"Opportunity Name: data value too large: {name[..20]}... (max length={NameMaxLength})", ["Name"]);
        bool created;
        (string Id, int Created, JsonObject Fields) stored;
        lock (_gate)
        {
            created = !Records.TryGetValue((type, key), out var existing);
            stored = created
                ? ($"{(type == "Opportunity" ? "006" : "003")}{++_upsertIds:D12}AAA", 1, record)
                : (existing.Id, existing.Created, record);
            Records[(type, key)] = stored;
        }
        return new JsonObject { ["id"] = stored.Id, ["success"] = true, ["errors"] = new JsonArray(), ["created"] = created };
    }

    private JsonObject Create(JsonObject record)
    {
        if (record["attributes"]?["type"]?.GetValue<string>() != "OpportunityContactRole" || record["OpportunityId"] is null || record["ContactId"] is null)
            return Failure("REQUIRED_FIELD_MISSING", "Required fields are missing: [OpportunityId, ContactId]", ["OpportunityId", "ContactId"]);
        ContactRoles.Add(record);
        return new JsonObject { ["id"] = $"00K{Interlocked.Increment(ref _upsertIds):D12}AAA", ["success"] = true, ["errors"] = new JsonArray() };
    }

    private static JsonObject Failure(string code, string message, string[] fields) => new()
    {
        ["success"] = false,
        ["errors"] = new JsonArray(new JsonObject
        {
            ["statusCode"] = code,
            ["message"] = message,
            ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)f).ToArray()),
        }),
    };

    private static JsonNode? SafeParse(string text)
    {
        try
        {
            return text.Length == 0 || text.Contains('=') && !text.TrimStart().StartsWith('{') ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
