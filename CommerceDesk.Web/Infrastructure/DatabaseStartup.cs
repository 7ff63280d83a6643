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
        await using var db = await factory.CreateDbContextAsync();
        await using var startup = await StartupLock.TakeAsync(db);
        await db.Database.MigrateAsync();
        // SQLite plans by its statistics; without them a grid or sweep query can pick a scan. 0x10002 analyzes
        // every table whose statistics are missing or stale (cheaply: SQLite caps the rows it samples).
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002");

        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }

    /// <summary>
    /// On PostgreSQL, nodes starting together migrate and seed one after the other: a session advisory lock held on the
    /// context's open connection until start-up is done (EF's own migration lock does not stop two nodes applying the
    /// same migration). SQLite has one node; SQL Server's migrations take their own application lock.
    /// </summary>
    private sealed class StartupLock(CommerceDbContext? db) : IAsyncDisposable
    {
        private const long Key = 7_310_202_611_300;

        public static async Task<StartupLock> TakeAsync(CommerceDbContext db)
        {
            if (!db.Database.IsNpgsql()) return new StartupLock(null);
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})");
            return new StartupLock(db);
        }

        public async ValueTask DisposeAsync()
        {
            if (db is null) return;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Runs once at start-up after migrations; must be idempotent across restarts.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
