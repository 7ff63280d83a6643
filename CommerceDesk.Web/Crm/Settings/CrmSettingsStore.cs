using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Crm.Settings;

/// <summary>
/// Reads and saves the CRM settings (key/value rows). Every read goes to the database, so a change made on any node
/// applies at the next sync or push without a restart; every save records each changed value in the audit list.
/// </summary>
public sealed class CrmSettingsStore(IDbContextFactory<CommerceDbContext> factory, TimeProvider time)
{
    public sealed record AuditLine(string Setting, string? OldValue, string? NewValue, string ChangedBy, DateTime ChangedAt);

    public static async Task<CrmSettings> ReadAsync(CommerceDbContext db, CancellationToken cancellationToken) =>
        CrmSettings.FromValues(await db.CrmSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken));

    public async Task<CrmSettings> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> StageNamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.OpportunityStageDefinitions.OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Saves what changed and audits it; returns the admin's error messages (nothing saved) or none.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(CrmSettings settings, Actor by, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stages = await db.OpportunityStageDefinitions.Select(s => s.Name).ToListAsync(cancellationToken);
        var statuses = await db.OrderStatusDefinitions.Select(s => s.Code).ToListAsync(cancellationToken);
        var errors = settings.Validate(stages, statuses);
        if (errors.Count > 0) return errors;

        var rows = await db.CrmSettings.ToDictionaryAsync(s => s.Key, cancellationToken);
        var before = CrmSettings.FromValues(rows.ToDictionary(r => r.Key, r => r.Value.Value));
        var now = time.GetUtcNow().UtcDateTime;
        var next = settings.ToValues();
        foreach (var (key, old, value) in CrmSettings.Changes(before, settings))
        {
            db.CrmSettingChanges.Add(new CrmSettingChange(key, old, value, by, now));
            if (rows.TryGetValue(key, out var row)) row.Set(value ?? "");
            else db.CrmSettings.Add(new CrmSettingValue(key, value ?? ""));
        }
        // Values stored at their default are written too, so the stored rows say what is in force.
        foreach (var (key, value) in next)
            if (!rows.ContainsKey(key) && !db.ChangeTracker.Entries<CrmSettingValue>().Any(e => e.Entity.Key == key))
                db.CrmSettings.Add(new CrmSettingValue(key, value));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ["Another admin saved the CRM settings at the same moment; reload the page and apply your change again."];
        }
        return [];
    }

    public async Task<IReadOnlyList<AuditLine>> AuditAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changes = await db.CrmSettingChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(take).ToListAsync(cancellationToken);
        return changes.Select(c => new AuditLine(CrmSettings.Label(c.Key), c.OldValue, c.NewValue, c.ChangedBy, c.ChangedAt)).ToList();
    }
}
