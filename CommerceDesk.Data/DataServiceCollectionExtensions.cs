using CommerceDesk.Data.Events;
using CommerceDesk.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{CommerceDbContext}"/> for the configured provider (one context per
    /// operation, as Blazor Server needs) and a scoped <see cref="CommerceDbContext"/> for Identity. Domain-event
    /// handlers run before the version interceptor, so the rows they change are version-checked like the rest.
    /// </summary>
    public static IServiceCollection AddCommerceData(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        services.AddSingleton(options);
        services.AddSingleton<VersionInterceptor>();
        services.AddSingleton<DomainEventDispatcher>();
        services.AddSingleton<DomainEventInterceptor>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = ResolveSqlitePath(options.ConnectionString, contentRoot);
                services.AddSingleton<SqlitePragmaInterceptor>();
                services.AddPooledDbContextFactory<SqliteCommerceDbContext>((sp, db) => db
                    .UseSqlite(connectionString)
                    .AddInterceptors(
                        sp.GetRequiredService<SqlitePragmaInterceptor>(),
                        sp.GetRequiredService<DomainEventInterceptor>(),
                        sp.GetRequiredService<VersionInterceptor>()));
                services.AddSingleton<IDbContextFactory<CommerceDbContext>, ContextFactory<SqliteCommerceDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddPooledDbContextFactory<SqlServerCommerceDbContext>((sp, db) => db
                    .UseSqlServer(options.ConnectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(sp.GetRequiredService<DomainEventInterceptor>(), sp.GetRequiredService<VersionInterceptor>()));
                services.AddSingleton<IDbContextFactory<CommerceDbContext>, ContextFactory<SqlServerCommerceDbContext>>();
                break;
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresCommerceDbContext>((sp, db) => db
                    .UseNpgsql(PostgresSessions.ConnectionString(options))
                    .AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<DomainEventInterceptor>()));
                services.AddSingleton<IDbContextFactory<CommerceDbContext>, ContextFactory<PostgresCommerceDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Database provider '{options.Provider}' is not supported.");
        }

        services.AddScoped<CommerceDbContext>(sp => sp.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Makes a relative SQLite path absolute under the content root and creates its folder.</summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !Path.IsPathRooted(path))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, path));
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        return builder.ToString();
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CommerceDbContext>
        where TContext : CommerceDbContext
    {
        public CommerceDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<CommerceDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
