using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>
/// Hands out a team's turns. One set-based UPDATE both reads and advances the counter, so two saves on two nodes
/// (or two threads) always get different turns; a read-then-write would let both read the same turn. Inside a caller's
/// transaction the row stays locked until it commits, so turns are taken in commit order.
/// </summary>
public static class SalesTeamTurns
{
    /// <summary>The turn this call took (0 for the team's first order), or null when the team no longer exists.</summary>
    public static async Task<long?> TakeAsync(CommerceDbContext db, long teamId, CancellationToken ct)
    {
        var taken = db.Database.IsSqlServer()
            ? db.Database.SqlQuery<long>(
                $"UPDATE [SalesTeams] SET [NextTurn] = [NextTurn] + 1 OUTPUT deleted.[NextTurn] AS [Value] WHERE [Id] = {teamId}")
            : db.Database.SqlQuery<long>(
                $"UPDATE \"SalesTeams\" SET \"NextTurn\" = \"NextTurn\" + 1 WHERE \"Id\" = {teamId} RETURNING \"NextTurn\" - 1 AS \"Value\"");
        var turns = await taken.ToListAsync(ct);
        return turns.Count == 0 ? null : turns[0];
    }
}
