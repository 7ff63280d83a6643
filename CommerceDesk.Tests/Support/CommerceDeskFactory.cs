using CommerceDesk.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Support;

/// <summary>
/// The real app in Development on its own fresh database (a SQLite file, or a PostgreSQL database in
/// <see cref="PostgresCommerceDeskFactory"/>): migrations applied, channel <c>web</c> with key <see cref="ApiKey"/>,
/// no demo data unless asked. Dispose deletes the database.
/// </summary>
public class CommerceDeskFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "dev-storefront-key";

    private string? _database;

    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The database's name: a file path for SQLite, a connection string for PostgreSQL (see <see cref="TestDatabase"/>).</summary>
    public string DatabasePath => _database ??= Provider == DatabaseProvider.Postgres
        ? TestDatabase.CreateAsync(DatabaseProvider.Postgres).GetAwaiter().GetResult()
        : TestDatabase.NewPath();

    protected virtual bool SeedDemoShop => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting values reach Program before it reads its configuration.
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", TestDatabase.ConnectionString(DatabasePath));
        builder.UseSetting("DemoShop:Seed", SeedDemoShop ? "true" : "false");
        builder.UseSetting("DemoShop:Customers", "40");
        // Every test client signs in from the same (absent) address; SignInThrottleTests checks the shipped limit.
        builder.UseSetting("SignIn:AttemptsPerMinute", "10000");
    }

    /// <summary>A context on the app's own database, for arranging and asserting.</summary>
    public CommerceDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContext();

    public HttpClient CreateStorefrontClient(string apiKey = ApiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_database is not null) TestDatabase.Delete(_database);
    }
}

/// <summary>The app on a fresh PostgreSQL database of the test cluster, with Hangfire's tables in it.</summary>
public sealed class PostgresCommerceDeskFactory : CommerceDeskFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
