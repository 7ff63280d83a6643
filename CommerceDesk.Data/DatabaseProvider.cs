namespace CommerceDesk.Data;

public enum DatabaseProvider { Sqlite, SqlServer, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a relative <c>Data Source</c> is resolved against the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=App_Data/commercedesk.db";

    /// <summary>
    /// PostgreSQL only: whether a query may start parallel workers. Off by default (see <see cref="PostgresSessions"/>);
    /// a connection string that sets <c>Options</c> itself is left as it is.
    /// </summary>
    public bool PostgresParallelQuery { get; set; }
}

/// <summary>
/// The app's PostgreSQL sessions run without parallel query (<c>max_parallel_workers_per_gather = 0</c>): a grid's page
/// and count read at most a few hundred thousand index entries, and starting workers for that costs more than the scan
/// itself. Measured at 1,000,000 orders on 2 cores: accounts' first page 28 → 6 ms, a customer name search 240 → 15 ms,
/// carts active in the last 30 days 32 → 10 ms (docs/performance.md).
/// </summary>
public static class PostgresSessions
{
    public static string ConnectionString(DatabaseOptions options)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (options.PostgresParallelQuery || !string.IsNullOrEmpty(builder.Options)) return options.ConnectionString;
        builder.Options = "-c max_parallel_workers_per_gather=0";
        return builder.ConnectionString;
    }
}
