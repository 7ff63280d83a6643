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
    public void BothProvidersHaveTheSameMigrations()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);

        Names(sqlite).ShouldNotBeEmpty();
        Names(sqlServer).ShouldBe(Names(sqlite));
    }

    [Fact]
    public void NeitherProviderHasModelChangesWithoutAMigration()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();

        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
        sqlServer.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
    }
}
