using CommerceDesk.Data;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommerceDesk.Tests.Data;

/// <summary>The app's PostgreSQL sessions start no parallel workers unless told to.</summary>
public sealed class PostgresSessionsTests(PostgresCommerceDeskFactory factory) : IClassFixture<PostgresCommerceDeskFactory>
{
    private const string Plain = "Host=db.example;Database=shop;Username=app";

    [Fact]
    public void AConnectionStringWithoutOptionsGetsParallelQueryOff() =>
        new NpgsqlConnectionStringBuilder(PostgresSessions.ConnectionString(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = Plain }))
            .Options.ShouldBe("-c max_parallel_workers_per_gather=0");

    [Theory]
    [InlineData(Plain + ";Options=-c statement_timeout=5000", false)]
    [InlineData(Plain, true)]
    public void OptionsOfTheAdminsOwnOrParallelQueryAllowedLeaveTheConnectionStringAsItIs(string connectionString, bool parallel) =>
        PostgresSessions.ConnectionString(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString, PostgresParallelQuery = parallel })
            .ShouldBe(connectionString);

    [Fact]
    public async Task TheAppsSessionsRunWithoutParallelWorkers()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync();

        var setting = await db.Database.SqlQuery<string>($"SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync();

        setting.ShouldBe("0");
    }
}
