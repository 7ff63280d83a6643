using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Outbox;

/// <summary>Queues messages; a message whose dedupe key is already in the outbox is not queued again.</summary>
public static class OutboxWriter
{
    /// <summary>Adds and saves <paramref name="message"/>; false (and nothing saved) when its dedupe key exists.</summary>
    public static async Task<bool> EnqueueAsync(CommerceDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.DedupeKey == message.DedupeKey, cancellationToken))
            return false;
        db.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex.InnerException))
        {
            // Another writer queued the same key between our check and our insert: theirs stands.
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// Queues the messages whose dedupe keys are not in the outbox yet, with one look-up and one prepared insert;
    /// returns how many were queued. A key another writer queues in between is passed over, as in <see cref="EnqueueAsync"/>.
    /// </summary>
    public static async Task<int> EnqueueManyAsync(CommerceDbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return 0;
        var keys = messages.Select(m => m.DedupeKey).ToList();
        var existing = (await db.Set<OutboxMessage>().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = messages.Where(m => existing.Add(m.DedupeKey)).ToList();
        return await OutboxBulkInsert.InsertAsync(db, fresh, IsUniqueViolation, cancellationToken);
    }

    private static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        // SQLITE_CONSTRAINT_UNIQUE
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        // SQL Server: 2601 duplicate key in unique index, 2627 unique constraint.
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
