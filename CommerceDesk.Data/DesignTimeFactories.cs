using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommerceDesk.Data;

// Used only by `dotnet ef migrations add`: each provider's context builds its own migration set.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCommerceDbContext>
{
    public SqliteCommerceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCommerceDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCommerceDbContext>
{
    public SqlServerCommerceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCommerceDbContext>()
            .UseSqlServer("Server=localhost;Database=CommerceDesk;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCommerceDbContext>
{
    public PostgresCommerceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCommerceDbContext>()
            .UseNpgsql("Host=localhost;Database=commercedesk;Username=commercedesk").Options);
}
