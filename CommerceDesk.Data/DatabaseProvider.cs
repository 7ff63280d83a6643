namespace CommerceDesk.Data;

public enum DatabaseProvider { Sqlite, SqlServer, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a relative <c>Data Source</c> is resolved against the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=App_Data/commercedesk.db";
}
