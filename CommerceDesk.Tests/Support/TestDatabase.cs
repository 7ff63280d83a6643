using CommerceDesk.Data;
using CommerceDesk.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceDesk.Tests.Support;

/// <summary>Real SQLite files in the temp folder, one per test class or test, migrated like the app does.</summary>
public static class TestDatabase
{
    public static string NewPath() =>
        Path.Combine(Path.GetTempPath(), "commercedesk-tests", $"{Guid.NewGuid():N}.db");

    /// <param name="events">Domain-event dispatch, in the app's place (before versions are bumped); none when null.</param>
    public static DbContextOptions<SqliteCommerceDbContext> Options(string path, DomainEventInterceptor? events = null) =>
        new DbContextOptionsBuilder<SqliteCommerceDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.ResolveSqlitePath($"Data Source={path}", Path.GetTempPath()))
            .AddInterceptors(events is null
                ? new IInterceptor[] { new SqlitePragmaInterceptor(), new VersionInterceptor() }
                : [new SqlitePragmaInterceptor(), events, new VersionInterceptor()])
            .Options;

    /// <summary>A fresh, migrated database file; returns its path.</summary>
    public static async Task<string> CreateAsync()
    {
        var path = NewPath();
        await using var db = new SqliteCommerceDbContext(Options(path));
        await db.Database.MigrateAsync();
        return path;
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }
}
