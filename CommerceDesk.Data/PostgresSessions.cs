namespace CommerceDesk.Data;

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
