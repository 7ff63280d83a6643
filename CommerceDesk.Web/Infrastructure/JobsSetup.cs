using CommerceDesk.Data;
using Hangfire;
using Hangfire.PostgreSql;

namespace CommerceDesk.Web.Infrastructure;

internal static class JobsSetup
{
    /// <summary>
    /// Hangfire's storage follows the database: SQLite keeps jobs in memory (every job is a sweep over durable
    /// state, so a restart loses no work); SQL Server and PostgreSQL keep them in the database (PostgreSQL in its own
    /// <c>hangfire</c> schema), so several nodes share the queue and each job runs on one of them.
    /// <c>Jobs:RunServer=false</c> makes a web-only node: it serves pages and the API and leaves jobs to others.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddHangfire((services, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()));
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString);
                    break;
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(database.ConnectionString),
                        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });
        if (configuration.GetValue("Jobs:RunServer", true))
            services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        return services;
    }

    /// <summary>
    /// The dashboard is for admins only. Hangfire's own filters are cleared (its default allows local requests
    /// only) and the endpoint uses the app's Admin policy, so a manager gets 403 and a stranger the sign-in page.
    /// </summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "CommerceDesk jobs",
            AppPath = "/",
            Authorization = [],
        }).RequireAuthorization(Identity.Policies.Admin);
}

/// <summary>
/// Hangfire's log provider is process-wide while logger factories belong to hosts. Where several hosts share a process
/// (the two-node tests), a provider left pointing at a stopped host's factory would break the others' job clients;
/// this one stays silent instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : Hangfire.Logging.ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(loggerFactory);

    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return new Silent();
        }
    }

    private sealed class Silent : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
