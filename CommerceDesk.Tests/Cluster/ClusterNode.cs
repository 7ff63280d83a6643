using CommerceDesk.Data;
using CommerceDesk.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Cluster;

/// <summary>
/// One web node of a cluster: the real app in its own host and service provider (its own connection pool, caches
/// and Hangfire server) on a PostgreSQL database it shares with the other nodes. Disposing it does not touch the
/// database; <see cref="TwoNodes"/> owns that.
/// </summary>
public sealed class ClusterNode(string database, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
        builder.UseSetting("Database:ConnectionString", database);
        builder.UseSetting("DemoShop:Seed", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public CommerceDbContext CreateDbContext() => Get<IDbContextFactory<CommerceDbContext>>().CreateDbContext();

    public HttpClient CreateStorefrontClient(string apiKey = CommerceDeskFactory.ApiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}

/// <summary>Two nodes on one fresh PostgreSQL database, started one after the other as a deployment would.</summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(string database, ClusterNode a, ClusterNode b) => (Database, A, B) = (database, a, b);

    public string Database { get; }
    public ClusterNode A { get; }
    public ClusterNode B { get; }

    public static async Task<TwoNodes> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? servicesOfA = null, Action<IServiceCollection>? servicesOfB = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        settings ??= new Dictionary<string, string?>();
        var a = new ClusterNode(database, settings, servicesOfA);
        _ = a.Services; // migrates, seeds and installs Hangfire's schema before the second node starts
        var b = new ClusterNode(database, settings, servicesOfB);
        _ = b.Services;
        return new TwoNodes(database, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        TestDatabase.Delete(Database);
    }
}
