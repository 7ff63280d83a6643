using System.Net;
using System.Text;
using CommerceDesk.Data;
using CommerceDesk.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Webhooks;

/// <summary>
/// The recurring job that POSTs queued status webhook events. Each event is claimed with a compare-and-swap UPDATE
/// before it is sent, so two runs (or two nodes) never deliver the same event; a sender that dies mid-send leaves a lease
/// that runs out, after which the event is claimed again. Failures (5xx, 408, 429, a timeout, a refused connection) wait
/// with exponential back-off; other 4xx answers and a removed webhook fail the event at once.
/// </summary>
public sealed class WebhookSender(IDbContextFactory<CommerceDbContext> factory, IHttpClientFactory clients, TimeProvider time, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "status-webhooks";

    /// <summary>How long one POST may take before it counts as failed (set on the named client).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>How long a claim holds; a POST takes seconds at most, so an older claim belongs to a dead sender.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Most events one run delivers.</summary>
    public const int Budget = 200;
    private const int CandidatesPerQuery = 20;

    /// <summary>Sends due events; returns how many were delivered.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var budget = Budget;
        var tried = new HashSet<long>();
        while (budget > 0)
        {
            var candidates = (await DueIdsAsync(CandidatesPerQuery, cancellationToken)).Where(tried.Add).ToList();
            if (candidates.Count == 0) break;
            foreach (var id in candidates)
            {
                if (budget <= 0) break;
                var claim = Guid.NewGuid();
                // Only a won claim counts: a run on another node reads the same candidates, and claims it wins would
                // otherwise use up this run's share while events are still waiting.
                if (!await TryClaimAsync(id, claim, cancellationToken)) continue;
                budget--;
                if (await SendClaimedAsync(id, claim, cancellationToken)) delivered++;
            }
        }
        return delivered;
    }

    private async Task<List<long>> DueIdsAsync(int take, CancellationToken ct)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => (d.Status == WebhookDeliveryStatus.Pending || d.Status == WebhookDeliveryStatus.Sending) && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Pending and due, or Sending with a lapsed lease → Sending under our claim; false when someone else won.</summary>
    private async Task<bool> TryClaimAsync(long id, Guid claim, CancellationToken ct)
    {
        var now = Now;
        var leaseEnd = now + Lease;
        await using var db = await factory.CreateDbContextAsync(ct);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && (d.Status == WebhookDeliveryStatus.Pending || d.Status == WebhookDeliveryStatus.Sending) && d.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Sending)
                .SetProperty(d => d.ClaimToken, claim)
                .SetProperty(d => d.NextAttemptAt, leaseEnd)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
        return claimed == 1;
    }

    private async Task<bool> SendClaimedAsync(long id, Guid claim, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id && d.ClaimToken == claim, ct);
        if (delivery is null) return false;
        var webhook = await db.Channels.AsNoTracking().Where(c => c.Id == delivery.ChannelId)
            .Select(c => new { c.StatusWebhookUrl, c.StatusWebhookSecret }).SingleOrDefaultAsync(ct);

        string? error;
        var permanent = false;
        if (webhook is not { StatusWebhookUrl: { } url, StatusWebhookSecret: { } secret })
        {
            (error, permanent) = ("The channel no longer has a status webhook.", true);
        }
        else
        {
            (error, permanent) = await PostAsync(url, secret, delivery, ct);
        }

        if (error is null) delivery.MarkDelivered(Now);
        else delivery.RecordFailure(error, permanent, Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out during the POST and another sender took the event over.
            logger.LogWarning("Webhook event {EventId} finished after its claim lapsed.", delivery.EventId);
        }
        return error is null;
    }

    /// <summary>Null when the receiver took the event (2xx); otherwise the error and whether retrying is pointless.</summary>
    private async Task<(string? Error, bool Permanent)> PostAsync(string url, string secret, WebhookDelivery delivery, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(body, secret));
        request.Headers.Add(WebhookSignature.EventIdHeader, delivery.EventId.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, delivery.EventType);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode) return (null, false);
            var code = (int)response.StatusCode;
            var retry = code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            logger.LogWarning("Webhook event {EventId} got {Status} from {Url}", delivery.EventId, code, url);
            return ($"The receiver answered {code} {response.ReasonPhrase}.", !retry);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ($"No answer within {Timeout.TotalSeconds:0} seconds.", false);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "Webhook event {EventId} could not reach {Url}", delivery.EventId, url);
            return ($"Could not reach the receiver: {e.Message}", false);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
