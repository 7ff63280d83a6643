using CommerceDesk.Data;
using CommerceDesk.Domain.Assignment;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Assignment;

/// <summary>A team as the settings page shows it: its members in turn order and the channels that send it orders.</summary>
public sealed record SalesTeamRow(long Id, string Name, int Version, IReadOnlyList<string> MemberIds, IReadOnlyList<string> Channels);

/// <summary>
/// The admin's sales teams (/settings/teams). Each save checks the version the admin edited, so two admins never
/// silently overwrite each other; a team's turn counter is the assignment's alone and no edit resets it.
/// </summary>
public sealed class SalesTeamSettings(IDbContextFactory<CommerceDbContext> factory)
{
    private const string ChangedMeanwhile = "This team was changed by someone else meanwhile; reload.";

    public async Task<IReadOnlyList<SalesTeamRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var teams = await db.SalesTeams.AsNoTracking().Include(t => t.Members).OrderBy(t => t.Name).ToListAsync(ct);
        var channels = await db.Channels.AsNoTracking().Where(c => c.SalesTeamId != null)
            .Select(c => new { c.SalesTeamId, c.Name }).ToListAsync(ct);
        return teams.Select(t => new SalesTeamRow(t.Id, t.Name, t.Version,
                t.Members.OrderBy(m => m.Position).Select(m => m.UserId).ToList(),
                channels.Where(c => c.SalesTeamId == t.Id).Select(c => c.Name).Order().ToList()))
            .ToList();
    }

    /// <summary>Null when created; otherwise why not, in words for the admin.</summary>
    public async Task<string?> CreateAsync(string name, IReadOnlyList<string> memberIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await UnknownMemberAsync(db, memberIds, ct) is { } unknown) return unknown;
        try
        {
            db.SalesTeams.Add(new SalesTeam(name, memberIds));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return $"A team named '{name.Trim()}' exists already.";
        }
    }

    public async Task<string?> SaveAsync(long id, int expectedVersion, string name, IReadOnlyList<string> memberIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var team = await db.SalesTeams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return "This team no longer exists; reload.";
        if (team.Version != expectedVersion) return ChangedMeanwhile;
        if (await UnknownMemberAsync(db, memberIds, ct) is { } unknown) return unknown;
        try
        {
            team.Rename(name);
            team.SetMembers(memberIds);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return $"A team named '{name.Trim()}' exists already.";
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            return ChangedMeanwhile;
        }
    }

    /// <summary>Deletes a team; channels that sent it orders stop assigning them (their orders keep their assignees).</summary>
    public async Task<string?> DeleteAsync(long id, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var deleted = await db.SalesTeams.Where(t => t.Id == id && t.Version == expectedVersion).ExecuteDeleteAsync(ct);
        return deleted == 1 ? null : ChangedMeanwhile;
    }

    private static async Task<string?> UnknownMemberAsync(CommerceDbContext db, IReadOnlyList<string> memberIds, CancellationToken ct)
    {
        var known = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return memberIds.Any(id => !known.Contains(id)) ? "One of the members no longer exists; reload and pick again." : null;
    }
}
