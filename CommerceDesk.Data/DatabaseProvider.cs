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
