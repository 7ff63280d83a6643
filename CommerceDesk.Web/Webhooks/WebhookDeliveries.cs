using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Webhooks;

/// <summary>The deliveries page: what was queued for each channel's status webhook, how it went, and "Send again".</summary>
public sealed class WebhookDeliveries(IDbContextFactory<CommerceDbContext> factory, TimeProvider time)
{
    public sealed record Row(long Id, DateTime CreatedAt, string Channel, string EventType, string OrderNumber, Guid EventId,
        WebhookDeliveryStatus Status, int Attempts, DateTime NextAttemptAt, DateTime? DeliveredAt, string? LastError);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total);

    public async Task<Page> ListAsync(WebhookDeliveryStatus? status, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.WebhookDeliveries.AsNoTracking();
        if (status is { } wanted) query = query.Where(d => d.Status == wanted);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(page * pageSize).Take(pageSize)
            .Select(d => new Row(d.Id, d.CreatedAt, db.Channels.Where(c => c.Id == d.ChannelId).Select(c => c.Name).First(), d.EventType, d.OrderNumber,
                d.EventId, d.Status, d.Attempts, d.NextAttemptAt, d.DeliveredAt, d.LastError))
            .ToListAsync(ct);
        return new Page(rows, total);
    }

    /// <summary>The JSON body exactly as it is (or was) POSTed.</summary>
    public async Task<string?> PayloadAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == id).Select(d => d.Payload).SingleOrDefaultAsync(ct);
    }

    /// <summary>Null when queued again; otherwise why not.</summary>
    public async Task<string?> ResendAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null) return "This event no longer exists.";
        try
        {
            delivery.Resend(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "The event is being sent right now; reload.";
        }
    }
}
