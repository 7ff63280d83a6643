using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceDesk.Bench.Grids;

/// <summary>Keeps the text and parameters of the commands EF sends, so the same SQL can be replayed raw.</summary>
internal sealed class CommandRecorder : DbCommandInterceptor
{
    public List<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = [];

    public bool Recording { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!Recording || command.CommandText.StartsWith("PRAGMA", StringComparison.Ordinal)) return;
        Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray()));
    }
}
