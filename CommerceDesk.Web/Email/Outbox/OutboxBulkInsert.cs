using System.Data;
using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>
/// Inserts many outbox rows with one prepared INSERT, run once per row inside one transaction. EF's SQLite
/// provider builds and sends a fresh command per entity, which made queueing a sweep's reminders its costliest
/// step. Table, columns and value conversions come from the EF model, so the rows are exactly what SaveChanges
/// would write; the database assigns the ids.
/// </summary>
internal static class OutboxBulkInsert
{
    /// <summary>Inserts each message; one whose dedupe key another writer queued meanwhile is passed over. Returns how many went in.</summary>
    public static async Task<int> InsertAsync(
        CommerceDbContext db, IReadOnlyList<OutboxMessage> messages, Func<DbException, bool> isDuplicateKey, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return 0;
        var entityType = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = columns.Select((_, i) => $"p{i}").ToList();

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
                $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder))})" +
                // A failed statement aborts a PostgreSQL transaction, so there a duplicate key is skipped by the insert itself.
                (db.Database.IsNpgsql() ? " ON CONFLICT DO NOTHING" : "");
            var inserted = 0;
            foreach (var message in messages)
            {
                // Fresh parameters from each column's type mapping (it applies the value converters); the statement stays prepared.
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                    command.Parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(
                        command, sql.GenerateParameterName(names[i]), columns[i].GetGetter().GetClrValue(message), columns[i].IsNullable, ParameterDirection.Input));
                try
                {
                    inserted += await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (DbException ex) when (isDuplicateKey(ex))
                {
                    // Another writer queued the same key after our look-up: theirs stands. Only this statement failed.
                }
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return inserted;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
