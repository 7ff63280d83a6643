using CommerceDesk.Data;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>Adds each default order status that is missing, in every environment; an admin's edits are never overwritten.</summary>
internal sealed class OrderStatusSeeder(IDbContextFactory<CommerceDbContext> factory) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.OrderStatusDefinitions.Select(d => d.Code).ToListAsync(cancellationToken);
        db.OrderStatusDefinitions.AddRange(DefaultOrderStatuses.Create().Where(d => !existing.Contains(d.Code)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same statuses at the same moment (unique code); theirs stand.
            if (!await AllPresentAsync(cancellationToken)) throw;
        }
    }

    private async Task<bool> AllPresentAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var codes = await db.OrderStatusDefinitions.Select(d => d.Code).ToListAsync(cancellationToken);
        return DefaultOrderStatuses.Create().All(d => codes.Contains(d.Code));
    }
}
