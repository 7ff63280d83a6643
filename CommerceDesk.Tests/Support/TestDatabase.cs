using CommerceDesk.Data;
using CommerceDesk.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceDesk.Tests.Support;

/// <summary>
/// Real databases, one per test class or test, migrated like the app does: SQLite files in the temp folder, or
/// PostgreSQL databases on the test run's own cluster (<see cref="PostgresServer"/>). A database is named by one
/// string: a file path for SQLite, a connection string for PostgreSQL, so tests keep a single field for either.
/// </summary>
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

    /// <summary>A fresh, migrated SQLite file; returns its path.</summary>
    public static Task<string> CreateAsync() => CreateAsync(DatabaseProvider.Sqlite);

    /// <summary>A fresh, migrated database of <paramref name="provider"/>; returns its name (see the class summary).</summary>
    public static async Task<string> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres) return await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var path = NewPath();
        await using var db = new SqliteCommerceDbContext(Options(path));
        await db.Database.MigrateAsync();
        return path;
    }

    /// <summary>A database with no tables yet, for tests that migrate step by step (SQLite creates the file on first use).</summary>
    public static async Task<string> CreateEmptyAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync(migrated: false) : NewPath();

    public static bool IsPostgres(string database) => database.StartsWith("Host=", StringComparison.Ordinal);

    public static DatabaseProvider ProviderOf(string database) => IsPostgres(database) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The connection string the app takes in <c>Database:ConnectionString</c>.</summary>
    public static string ConnectionString(string database) => IsPostgres(database) ? database : $"Data Source={database}";

    /// <summary>
    /// A context on the database, with the app's interceptors and any extra ones; a domain-event interceptor among them
    /// takes the app's place, before versions are bumped, so rows its handlers change are version-checked too.
    /// </summary>
    public static CommerceDbContext Open(string database, params IInterceptor[] interceptors)
    {
        var events = interceptors.OfType<DomainEventInterceptor>().SingleOrDefault();
        var others = interceptors.Where(i => i is not DomainEventInterceptor).ToArray();
        if (!IsPostgres(database))
            return new SqliteCommerceDbContext(new DbContextOptionsBuilder<SqliteCommerceDbContext>(Options(database, events)).AddInterceptors(others).Options);
        IInterceptor[] app = events is null ? [new VersionInterceptor()] : [events, new VersionInterceptor()];
        return new PostgresCommerceDbContext(new DbContextOptionsBuilder<PostgresCommerceDbContext>()
            .UseNpgsql(database).AddInterceptors([.. app, .. others]).Options);
    }

    /// <summary>A context factory over <see cref="Open"/>, for the app's services.</summary>
    public static IDbContextFactory<CommerceDbContext> Factory(string database, params IInterceptor[] interceptors) => new OpeningFactory(database, interceptors);

    public static void Delete(string database)
    {
        if (IsPostgres(database))
        {
            PostgresServer.DropDatabaseAsync(database).GetAwaiter().GetResult();
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }

    private sealed class OpeningFactory(string database, IInterceptor[] interceptors) : IDbContextFactory<CommerceDbContext>
    {
        public CommerceDbContext CreateDbContext() => Open(database, interceptors);
    }
}
