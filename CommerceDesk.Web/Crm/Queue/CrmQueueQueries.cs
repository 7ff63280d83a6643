using CommerceDesk.Data;
using CommerceDesk.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Crm.Queue;

/// <summary>A record waiting for the CRM, as the queue page lists it.</summary>
public sealed record CrmQueueRow(
    long EntryId, CrmRecordType RecordType, long RecordId, string Reference, CrmSyncStatus Status, int Attempts,
    DateTime? LastAttemptAt, DateTime? NextAttemptAt, string? LastError, bool InProgress);

public sealed class CrmQueueQueries(IDbContextFactory<CommerceDbContext> factory)
{
    public const int PageSize = 200;

    /// <summary>Pending and failed records, failed first, then the longest waiting; and how many there are in all.</summary>
    public async Task<(IReadOnlyList<CrmQueueRow> Rows, int Total)> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var waiting = db.CrmSyncQueue.AsNoTracking().Where(e => e.DueAt != null);
        var total = await waiting.CountAsync(cancellationToken);
        var carts = await (
            from e in waiting
            join c in db.Carts on e.CartId equals c.Id
            orderby e.DueAt
            select new CrmQueueRow(e.Id, CrmRecordType.Cart, c.Id, c.ExternalId, c.CrmSync.Status, e.Attempts,
                c.CrmSync.LastAttemptAt, e.DueAt, c.CrmSync.LastError, e.ClaimToken != null))
            .Take(PageSize).ToListAsync(cancellationToken);
        var orders = await (
            from e in waiting
            join o in db.Orders on e.OrderId equals o.Id
            orderby e.DueAt
            select new CrmQueueRow(e.Id, CrmRecordType.Order, o.Id, o.Number, o.CrmSync.Status, e.Attempts,
                o.CrmSync.LastAttemptAt, e.DueAt, o.CrmSync.LastError, e.ClaimToken != null))
            .Take(PageSize).ToListAsync(cancellationToken);
        var rows = carts.Concat(orders)
            .OrderBy(r => r.Status == CrmSyncStatus.Failed ? 0 : 1).ThenBy(r => r.NextAttemptAt)
            .Take(PageSize).ToList();
        return (rows, total);
    }
}
