using System.Globalization;
using System.Text;
using Npgsql;

namespace CommerceDesk.Bench.Dataset;

/// <summary>
/// PostgreSQL's counterpart of <see cref="BulkLoader"/>: rows are spooled per table to a temp file in COPY's text
/// format and copied in when the loader is disposed, tables in the order they were named (a cart before its items,
/// for the foreign keys). Times come as the SQLite loader's text and are read as UTC (the session's zone).
/// </summary>
internal sealed class PostgresBulkLoader(NpgsqlConnection connection) : IBulkLoader
{
    private readonly List<(string Table, IReadOnlyList<string> Columns, string File, StreamWriter Writer)> _tables = [];

    public IBulkRows Into(string table, IReadOnlyList<string> columns)
    {
        var file = Path.GetTempFileName();
        var writer = new StreamWriter(file, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        _tables.Add((table, columns, file, writer));
        return new Rows(writer);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (table, columns, file, writer) in _tables)
        {
            await writer.DisposeAsync();
            await using (var import = await connection.BeginTextImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN"))
            using (var reader = new StreamReader(file, Encoding.UTF8))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = await reader.ReadAsync(buffer)) > 0) await import.WriteAsync(buffer.AsMemory(0, read));
            }
            File.Delete(file);
        }
    }

    private sealed class Rows(StreamWriter writer) : IBulkRows
    {
        public void Add(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) writer.Write('\t');
                writer.Write(Text(values[i]));
            }
            writer.Write('\n');
        }

        private static string Text(object? value) => value switch
        {
            null => "\\N",
            string s => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r"),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };
    }
}

/// <summary>Where the data set's rows go: prepared INSERTs on SQLite, COPY on PostgreSQL.</summary>
internal interface IBulkLoader : IAsyncDisposable
{
    IBulkRows Into(string table, IReadOnlyList<string> columns);
}

internal interface IBulkRows
{
    void Add(params object?[] values);
}
