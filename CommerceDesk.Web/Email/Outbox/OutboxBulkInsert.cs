using System.Data.Common;
using System.Text;
using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>
/// Inserts many outbox rows with multi-row INSERT statements. EF's SQLite provider sends one INSERT per entity,
/// which made queueing a sweep's reminders its costliest step. Table, columns and value conversions come from
/// the EF model, so the rows are exactly what SaveChanges would write; the database assigns the ids.
/// </summary>
internal static class OutboxBulkInsert
{
    /// <summary>Under SQL Server's 2,100 parameters per command (SQLite allows far more).</summary>
    private const int MaxParametersPerStatement = 2_000;

    /// <summary>Inserts the rows, one statement per chunk; <paramref name="inserted"/> hears of each chunk once it is in.</summary>
    public static async Task InsertAsync(CommerceDbContext db, IReadOnlyList<OutboxMessage> messages, Action<int> inserted, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        // Only a factory for parameters of the provider's type; the statements run through EF (its transaction, its logging).
        await using var factory = db.Database.GetDbConnection().CreateCommand();

        foreach (var chunk in messages.Chunk(Math.Max(1, MaxParametersPerStatement / columns.Count)))
        {
            var text = new StringBuilder(head);
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var property = columns[column];
                    var name = $"p{row}_{column}";
                    text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                        factory, sql.GenerateParameterName(name), property.GetGetter().GetClrValue(chunk[row]), property.IsNullable));
                }
                text.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
            inserted(chunk.Length);
        }
    }
}
