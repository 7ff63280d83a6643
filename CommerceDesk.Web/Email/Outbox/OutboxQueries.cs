using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>The Outbox page's reads and its one action: send a failed message again.</summary>
public sealed class OutboxQueries(IDbContextFactory<CommerceDbContext> factory, IOptions<EmailOptions> options, TimeProvider time)
{
    public sealed record Row(long Id, DateTime CreatedAt, string To, string Subject, OutboxStatus Status, int Attempts,
        string? LastError, DateTime NextAttemptAt, DateTime? SentAt, string DedupeKey);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total);

    /// <summary>Newest first, optionally one status only.</summary>
    public async Task<Page> ListAsync(OutboxStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(m => new Row(m.Id, m.CreatedAt, m.To, m.Subject, m.Status, m.Attempts, m.LastError, m.NextAttemptAt, m.SentAt, m.DedupeKey))
            .ToListAsync(cancellationToken);
        return new Page(rows, total);
    }

    /// <summary>The message as the .eml file that is (or was) sent; null when it does not exist.</summary>
    public async Task<string?> EmlAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var message = await db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return message is null ? null : OutboxMimeMessage.ToEml(OutboxMimeMessage.Create(message, options.Value.Smtp.From));
    }

    /// <summary>Puts a failed message back in the queue; returns the reason when it cannot be.</summary>
    public async Task<string?> ResendAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null) return "The message no longer exists.";
        try
        {
            message.Resend(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "The message changed meanwhile; reload the page.";
        }
    }
}
