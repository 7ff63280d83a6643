using CommerceDesk.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommerceDesk.Web.Infrastructure;

internal sealed class DatabaseHealthCheck(IDbContextFactory<CommerceDbContext> factory, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            // A real query, not just an open connection: it fails when the schema is missing.
            var channels = await db.Channels.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{options.Provider}: {channels} channel(s)");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"The {options.Provider} database cannot be queried.", ex);
        }
    }
}

internal sealed class JobServerHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        return Task.FromResult(servers.Count > 0
            ? HealthCheckResult.Healthy($"{servers.Count} job server(s)")
            : HealthCheckResult.Degraded("No Hangfire server is running."));
    }
}
