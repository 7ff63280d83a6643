using CommerceDesk.Data;
using CommerceDesk.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Returns;

/// <summary>
/// The return requests page, newest first, one page at a time with the total: those waiting for a decision read
/// IX_ReturnRequests_Status_CreatedAt; "All" sorts every request, which stays cheap at the numbers a shop gets back.
/// </summary>
public static class ReturnRequestList
{
    public const int PageSize = 25;

    public static async Task<(IReadOnlyList<ReturnRequest> Rows, int Total)> PageAsync(
        CommerceDbContext db, bool waitingOnly, int page, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        var requests = db.ReturnRequests.AsNoTracking();
        if (waitingOnly) requests = requests.Where(r => r.Status == ReturnRequestStatus.Pending);
        var total = await requests.CountAsync(cancellationToken);
        var rows = await requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }
}
