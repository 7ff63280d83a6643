using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Infrastructure;

internal static class DatabaseStartup
{
    /// <summary>Applies pending migrations before the app serves its first request, then runs the start-up seeders.</summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CommerceDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            // SQLite plans by its statistics; without them a grid or sweep query can pick a scan. 0x10002 analyzes
            // every table whose statistics are missing or stale (cheaply: SQLite caps the rows it samples).
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002");
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }
}

/// <summary>Runs once at start-up after migrations; must be idempotent across restarts.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
