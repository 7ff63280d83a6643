using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommerceDesk.Tests.Data;

public sealed class MigrationTests
{
    private static SqlServerCommerceDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerCommerceDbContext>()
            .UseSqlServer("Server=unused;Database=CommerceDesk;TrustServerCertificate=True").Options);

    private static PostgresCommerceDbContext Postgres() =>
        new(new DbContextOptionsBuilder<PostgresCommerceDbContext>().UseNpgsql("Host=unused;Database=commercedesk").Options);

    private static SqliteCommerceDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteCommerceDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void SqlServerMigrationsProduceAScript()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE [Carts]");
        script.ShouldContain("CREATE TABLE [Orders]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Carts_ChannelId_ExternalId]");
        script.ShouldContain("[Version] int NOT NULL");
        foreach (var migration in db.Database.GetMigrations())
            script.ShouldContain(migration);
    }

    [Fact]
    public void PostgresMigrationsProduceAScript()
    {
        using var db = Postgres();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE \"Carts\"");
        script.ShouldContain("CREATE UNIQUE INDEX \"IX_Carts_ChannelId_ExternalId\"");
        script.ShouldContain("timestamp with time zone");
        script.ShouldContain("USING GIN (\"SearchWords\")");
        script.ShouldContain("CREATE TRIGGER \"Carts_Counts\"");
        foreach (var migration in db.Database.GetMigrations())
            script.ShouldContain(migration);
    }

    [Fact]
    public void EveryProviderHasTheSameMigrations()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);

        Names(sqlite).ShouldNotBeEmpty();
        Names(sqlServer).ShouldBe(Names(sqlite));
        Names(postgres).ShouldBe(Names(sqlite));
    }

    [Fact]
    public void NoProviderHasModelChangesWithoutAMigration()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
        sqlServer.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
        postgres.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
    }
}
