using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceDesk.Data.Interceptors;

/// <summary>
/// WAL lets the grids read while the API writes; NORMAL sync is durable across app crashes in WAL mode and
/// avoids an fsync per commit; a busy timeout makes concurrent writers wait instead of failing. Pragmas hold
/// for the physical connection, so they run once per pooled connection, not on every open.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    private static readonly object Done = new();
    private readonly ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var key)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(key, Done);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var key)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        _configured.AddOrUpdate(key, Done);
    }

    private bool NeedsPragmas(DbConnection connection, out object key)
    {
        // The native handle is what the pool hands out again; the SqliteConnection wrapper is per context.
        key = (connection as SqliteConnection)?.Handle as object ?? connection;
        return !_configured.TryGetValue(key, out _);
    }
}
