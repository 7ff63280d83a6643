using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Crm.Connectors;

/// <summary>
/// Salesforce over its REST API: opportunities (and, with contact roles on, the customers as contacts) upserted by our
/// external id field with sObject Collections (<c>PATCH …/composite/sobjects/{type}/{field}</c>, allOrNone false, at
/// most 200 records a call, per-record results in order), then one OpportunityContactRole per opportunity. A call
/// that times out, answers 5xx or REQUEST_LIMIT_EXCEEDED fails only the records it carried; a record Salesforce
/// refuses fails alone with Salesforce's message. An expired session (401 INVALID_SESSION_ID) is renewed once.
/// </summary>
public sealed class SalesforceConnector(HttpClient http, SalesforceSession session, IOptions<CrmOptions> options, ILogger<SalesforceConnector> logger) : ICrmConnector
{
    public const int MaxRecordsPerCall = 200;

    public CrmConnectorKind Kind => CrmConnectorKind.Salesforce;

    private SalesforceOptions Sf => options.Value.Salesforce;

    public async Task<IReadOnlyList<CrmRecordResult>> UpsertAsync(IReadOnlyList<CrmOpportunityRecord> records, CancellationToken cancellationToken)
    {
        var results = new List<CrmRecordResult>(records.Count);
        foreach (var chunk in records.Chunk(MaxRecordsPerCall))
            results.AddRange(await UpsertChunkAsync(chunk, cancellationToken));
        return results;
    }

    private async Task<IReadOnlyList<CrmRecordResult>> UpsertChunkAsync(CrmOpportunityRecord[] records, CancellationToken cancellationToken)
    {
        JsonArray answers;
        try
        {
            answers = await CallAsync(HttpMethod.Patch, $"composite/sobjects/Opportunity/{Sf.ExternalIdField}",
                Collection(records.Select(OpportunityFields)), cancellationToken);
        }
        catch (Exception ex) when (IsCallFailure(ex, cancellationToken))
        {
            var message = Describe(ex);
            return records.Select(_ => CrmRecordResult.Fail(message)).ToList();
        }
        var results = records.Select((r, i) => Read(answers, i)).ToList();
        await AddContactRolesAsync(records, results, cancellationToken);
        return results;
    }

    /// <summary>Contacts upserted by our key, then one role per opportunity that has none yet; a failure here fails that record.</summary>
    private async Task AddContactRolesAsync(CrmOpportunityRecord[] records, List<CrmRecordResult> results, CancellationToken cancellationToken)
    {
        var wanted = Enumerable.Range(0, records.Length)
            .Where(i => results[i].Succeeded && records[i] is { ContactRole: not null, Contact: not null, ContactRoleId: null })
            .ToList();
        if (wanted.Count == 0) return;
        var contacts = wanted.Select(i => records[i].Contact!).DistinctBy(c => c.Key).ToList();
        var contactIds = new Dictionary<string, string>();
        try
        {
            var answers = await CallAsync(HttpMethod.Patch, $"composite/sobjects/Contact/{Sf.ExternalIdField}", Collection(contacts.Select(ContactFields)), cancellationToken);
            for (var i = 0; i < contacts.Count; i++)
            {
                var result = Read(answers, i);
                if (result.Succeeded) contactIds[contacts[i].Key] = result.ExternalId!;
            }
            var roles = wanted.Where(i => contactIds.ContainsKey(records[i].Contact!.Key)).ToList();
            var roleAnswers = roles.Count == 0 ? [] : await CallAsync(HttpMethod.Post, "composite/sobjects",
                Collection(roles.Select(i => new JsonObject
                {
                    ["attributes"] = new JsonObject { ["type"] = "OpportunityContactRole" },
                    ["OpportunityId"] = results[i].ExternalId,
                    ["ContactId"] = contactIds[records[i].Contact!.Key],
                    ["Role"] = records[i].ContactRole,
                    ["IsPrimary"] = true,
                })), cancellationToken);
            for (var r = 0; r < roles.Count; r++)
            {
                var i = roles[r];
                var role = Read(roleAnswers, r);
                results[i] = role.Succeeded ? results[i] with { ContactRoleId = role.ExternalId } : CrmRecordResult.Fail("Contact role: " + role.Error);
            }
            foreach (var i in wanted.Except(roles)) results[i] = CrmRecordResult.Fail("The customer could not be saved as a Salesforce contact.");
        }
        catch (Exception ex) when (IsCallFailure(ex, cancellationToken))
        {
            var message = "Contact role: " + Describe(ex);
            foreach (var i in wanted) results[i] = CrmRecordResult.Fail(message);
        }
    }

    /// <summary>Fetches a token and says what happened, for the settings page's "Test connection".</summary>
    public async Task<string> TestConnectionAsync(CancellationToken cancellationToken)
    {
        var token = await session.TokenAsync(cancellationToken);
        return $"Connected: Salesforce issued an access token for {token.InstanceUrl}.";
    }

    private JsonObject OpportunityFields(CrmOpportunityRecord r) => new()
    {
        ["attributes"] = new JsonObject { ["type"] = "Opportunity" },
        [Sf.ExternalIdField] = r.Key,
        ["Name"] = r.Name,
        ["StageName"] = r.Stage,
        ["CloseDate"] = r.CloseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Amount"] = r.Amount,
    };

    private JsonObject ContactFields(CrmContact c) => new()
    {
        ["attributes"] = new JsonObject { ["type"] = "Contact" },
        [Sf.ExternalIdField] = c.Key,
        ["FirstName"] = c.FirstName,
        ["LastName"] = c.LastName,
        ["Email"] = c.Email,
    };

    private static JsonObject Collection(IEnumerable<JsonObject> records) => new()
    {
        ["allOrNone"] = false,
        ["records"] = new JsonArray(records.Cast<JsonNode?>().ToArray()),
    };

    /// <summary>One sObject Collections call; on 401 INVALID_SESSION_ID the token is renewed and the call made once more.</summary>
    private async Task<JsonArray> CallAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        var token = await session.TokenAsync(cancellationToken);
        var (status, answer) = await SendAsync(method, path, body, token, cancellationToken);
        if (status == HttpStatusCode.Unauthorized && ErrorCode(answer) == "INVALID_SESSION_ID")
        {
            logger.LogInformation("Salesforce session expired; fetching a new access token.");
            token = await session.RefreshAsync(token, cancellationToken);
            (status, answer) = await SendAsync(method, path, body, token, cancellationToken);
        }
        if (status != HttpStatusCode.OK && status != HttpStatusCode.Created)
        {
            var code = ErrorCode(answer);
            var message = ErrorMessage(answer);
            throw new SalesforceException($"Salesforce answered {(int)status}{(code is null ? "" : " " + code)}{(message is null ? "" : ": " + message)}",
                transient: (int)status >= 500 || code == "REQUEST_LIMIT_EXCEEDED");
        }
        return answer as JsonArray ?? throw new SalesforceException("Salesforce's answer was not a list of results.");
    }

    private async Task<(HttpStatusCode, JsonNode?)> SendAsync(HttpMethod method, string path, JsonObject body, SalesforceToken token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"{token.InstanceUrl}/services/data/v{Sf.ApiVersion}/{path}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? answer;
        try
        {
            answer = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            answer = null;
        }
        return (response.StatusCode, answer);
    }

    /// <summary>The <paramref name="index"/>th per-record result: its id, or Salesforce's own error message.</summary>
    private static CrmRecordResult Read(JsonArray answers, int index)
    {
        if (index >= answers.Count || answers[index] is not JsonObject result) return CrmRecordResult.Fail("Salesforce gave no result for this record.");
        if (result["success"]?.GetValue<bool>() == true && result["id"]?.GetValue<string>() is { Length: > 0 } id) return CrmRecordResult.Ok(id);
        var errors = result["errors"] as JsonArray;
        var text = errors is null || errors.Count == 0
            ? "Salesforce refused the record."
            : string.Join("; ", errors.OfType<JsonObject>().Select(e => $"{e["statusCode"]?.GetValue<string>()}: {e["message"]?.GetValue<string>()}"));
        return CrmRecordResult.Fail(text);
    }

    private static string? ErrorCode(JsonNode? answer) =>
        answer is JsonArray { Count: > 0 } list && list[0] is JsonObject first ? first["errorCode"]?.GetValue<string>() : null;

    private static string? ErrorMessage(JsonNode? answer) =>
        answer is JsonArray { Count: > 0 } list && list[0] is JsonObject first ? first["message"]?.GetValue<string>() : null;

    private static bool IsCallFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is SalesforceException or HttpRequestException or JsonException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested); // HttpClient's timeout

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => "Salesforce did not answer in time.",
        HttpRequestException http => $"Salesforce could not be reached: {http.Message}",
        _ => ex.Message,
    };
}
