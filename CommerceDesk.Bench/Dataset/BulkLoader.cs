using Microsoft.Data.Sqlite;

namespace CommerceDesk.Bench.Dataset;

/// <summary>
/// Prepared INSERTs sharing one open transaction, committed every <see cref="BatchSize"/> rows in all:
/// SQLite allows one transaction per connection, and a cart and its items belong in the same one.
/// </summary>
internal sealed class BulkLoader : IBulkLoader
{
    private const int BatchSize = 100_000;
    private readonly SqliteConnection _connection;
    private readonly List<SqliteCommand> _commands = [];
    private SqliteTransaction _transaction;
    private int _pending;

    public BulkLoader(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
    }

    IBulkRows IBulkLoader.Into(string table, IReadOnlyList<string> columns) => Into(table, columns);

    public Insert Into(string table, IReadOnlyList<string> columns)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Count; i++) command.Parameters.Add(new SqliteParameter("$p" + i, null));
        command.Prepare();
        _commands.Add(command);
        return new Insert(this, command);
    }

    private void Executed()
    {
        if (++_pending < BatchSize) return;
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        foreach (var command in _commands) command.Transaction = _transaction;
        _pending = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.CommitAsync();
        await _transaction.DisposeAsync();
        foreach (var command in _commands) await command.DisposeAsync();
    }

    public sealed class Insert(BulkLoader loader, SqliteCommand command) : IBulkRows
    {
        public void Add(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
            loader.Executed();
        }

        public long AddReturningId(params object?[] values)
        {
            Add(values);
            return SQLitePCL.raw.sqlite3_last_insert_rowid(command.Connection!.Handle);
        }
    }
}
