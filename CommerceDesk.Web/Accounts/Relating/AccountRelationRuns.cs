using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Relating;

/// <summary>Starts a pass of <see cref="AccountRelationJob"/> over every customer and reads how far the newest has got.</summary>
public sealed class AccountRelationRuns(IDbContextFactory<CommerceDbContext> factory, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>Ends any pass still going (the new one redoes everything) and queues the job for the new one.</summary>
    public async Task<long> StartAsync(AccountStrategy strategy, AccountRelationReason reason, Actor by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.AccountRelationRuns.Where(r => r.FinishedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now), ct);
        var run = new AccountRelationRun(strategy, reason, await db.Customers.CountAsync(ct), by, now);
        db.AccountRelationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<AccountRelationJob>(job => job.RunAsync(CancellationToken.None));
        return run.Id;
    }

    public async Task<AccountRelationRun?> LatestAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AccountRelationRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }
}
