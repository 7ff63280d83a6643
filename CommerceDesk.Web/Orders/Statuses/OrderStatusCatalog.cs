using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>
/// The admin's status definitions as this page sees them: chips, counters and the dashboard read names and colours
/// from here rather than from constants. One load serves every chip of a page; it is read again after a minute, so an
/// admin's new colour reaches open pages without a reload storm.
/// </summary>
public sealed class OrderStatusCatalog(IDbContextFactory<CommerceDbContext> factory, TimeProvider time)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);
    private Task<OrderStatusRules>? _loading;
    private DateTimeOffset _loadedAt;

    public Task<OrderStatusRules> GetAsync()
    {
        var now = time.GetUtcNow();
        if (_loading is null || _loading.IsFaulted || now - _loadedAt > FreshFor)
        {
            _loadedAt = now;
            _loading = LoadAsync();
        }
        return _loading;
    }

    /// <summary>Reads the definitions again at the next <see cref="GetAsync"/> (after the admin saved them here).</summary>
    public void Forget() => _loading = null;

    private async Task<OrderStatusRules> LoadAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync());
    }
}
