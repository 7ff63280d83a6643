using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Email.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>
/// The recurring job that sends the outbox. Each message is claimed with a compare-and-swap UPDATE before it
/// is sent, so two runs (or two nodes) never send the same message; a sender that dies mid-send leaves a
/// lease that runs out, after which the message is claimed again.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<CommerceDbContext> factory,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    /// <summary>How long a claim holds; a send takes seconds, so an older claim belongs to a dead sender.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int CandidatesPerQuery = 20;

    /// <summary>Sends due messages; returns how many were delivered.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var budget = Math.Max(1, options.Value.SendBatchSize);
        IMailConnection? connection = null;
        try
        {
            while (budget > 0)
            {
                var candidates = await DueMessageIdsAsync(Math.Min(budget, CandidatesPerQuery), cancellationToken);
                if (candidates.Count == 0) break;
                foreach (var id in candidates)
                {
                    if (budget <= 0) break;
                    var claim = Guid.NewGuid();
                    // Only a won claim counts: senders on other nodes read the same candidates, and claims they win
                    // would otherwise use up this run's share while messages are still waiting.
                    if (!await TryClaimAsync(id, claim, cancellationToken)) continue;
                    budget--;
                    try
                    {
                        connection ??= await transport.ConnectAsync(cancellationToken);
                        await SendClaimedAsync(id, claim, connection, cancellationToken);
                        sent++;
                    }
                    catch (MailRejectedException ex)
                    {
                        await RecordFailureAsync(id, claim, ex.Message, permanent: true, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The server is down or dropped us: keep the message for a later run and stop this one.
                        logger.LogWarning(ex, "Sending outbox message {MessageId} failed; it will be retried.", id);
                        await RecordFailureAsync(id, claim, ex.Message, permanent: false, cancellationToken);
                        return sent;
                    }
                }
            }
            return sent;
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private async Task<List<long>> DueMessageIdsAsync(int take, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Pending and due, or Sending with a lapsed lease → Sending under our claim; false when someone else won.</summary>
    private async Task<bool> TryClaimAsync(long id, Guid claim, CancellationToken cancellationToken)
    {
        var now = Now;
        var leaseEnd = now + Lease;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id
                && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
                && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimToken, claim)
                .SetProperty(m => m.NextAttemptAt, leaseEnd)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return claimed == 1;
    }

    private async Task SendClaimedAsync(long id, Guid claim, IMailConnection connection, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id && m.ClaimToken == claim, cancellationToken);
        await connection.SendAsync(OutboxMimeMessage.Create(message, options.Value.Smtp.From), cancellationToken);
        message.MarkSent(Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out during the send and another sender took the message over.
            logger.LogWarning("Outbox message {MessageId} was sent after its claim lapsed.", id);
        }
    }

    private async Task RecordFailureAsync(long id, Guid claim, string error, bool permanent, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.ClaimToken == claim, cancellationToken);
        if (message is null) return;
        message.RecordFailure(error, permanent, Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Outbox message {MessageId} was taken over before its failure was recorded.", id);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
