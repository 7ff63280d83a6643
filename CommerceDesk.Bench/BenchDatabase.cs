using System.Data.Common;
using CommerceDesk.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CommerceDesk.Bench;

/// <summary>
/// The benchmark's database: a SQLite file (<c>--db</c> is its path) or a PostgreSQL database (<c>--provider postgres</c>,
/// <c>--db</c> is its connection string; the database is created by the first migration if it does not exist).
/// </summary>
public sealed record BenchDatabase(DatabaseProvider Provider, string Name)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public string ConnectionString => IsPostgres ? Name : $"Data Source={Path.GetFullPath(Name)}";

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public string Describe => IsPostgres ? "PostgreSQL database" : "SQLite file";

    public CommerceDbContext CreateContext(params IInterceptor[] interceptors) => IsPostgres
        ? new PostgresCommerceDbContext(new DbContextOptionsBuilder<PostgresCommerceDbContext>().UseNpgsql(PostgresSessions.ConnectionString(Options)).AddInterceptors(interceptors).Options)
        : new SqliteCommerceDbContext(new DbContextOptionsBuilder<SqliteCommerceDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);

    /// <summary>A plain open connection for raw SQL.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        // Raw SQL runs in the same session settings as the app's queries, so the two stay comparable.
        DbConnection connection = IsPostgres ? new NpgsqlConnection(PostgresSessions.ConnectionString(Options)) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Whether a data set is there to measure.</summary>
    public async Task<bool> ExistsAsync()
    {
        if (!IsPostgres) return File.Exists(Name);
        try
        {
            await using var db = CreateContext();
            return await db.Database.CanConnectAsync() && await db.Carts.AnyAsync();
        }
        catch (PostgresException)
        {
            return false; // the tables are not there yet
        }
    }

    /// <summary>SQL with PostgreSQL's quoted identifiers where SQLite takes them bare: <c>[Carts]</c> becomes <c>"Carts"</c>.</summary>
    public static string Sql(string sql) => sql.Replace('[', '"').Replace(']', '"');
}
