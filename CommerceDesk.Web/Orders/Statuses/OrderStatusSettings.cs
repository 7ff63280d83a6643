using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Orders.Statuses;

/// <summary>The admin's edits of the lifecycle: what a status is called and coloured, where it leads, and what it sends.</summary>
public sealed record OrderStatusEdit(string Name, string Colour, bool CustomerVisible, IReadOnlyCollection<string> AllowedNext, string? CustomerTemplateKey, bool EmailStaff);

/// <summary>
/// Loads and saves the order status definitions for the settings page. Each save checks the version the admin edited,
/// so two admins never silently overwrite each other; a status orders use (or once used) is never deleted.
/// </summary>
public sealed class OrderStatusSettings(IDbContextFactory<CommerceDbContext> factory)
{
    public async Task<IReadOnlyList<OrderStatusDefinition>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.OrderStatusDefinitions.AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
    }

    /// <summary>The templates a status may send: every stored template except the cart reminders.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> TemplatesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.Set<EmailTemplate>().AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Key, t.Name }).ToListAsync(ct);
        return stored.Where(t => !EmailTemplateKeys.IsCartReminder(t.Key)).Select(t => (t.Key, t.Name)).ToList();
    }

    /// <summary>Null when saved; otherwise why not, in words for the admin.</summary>
    public async Task<string?> SaveAsync(long id, int expectedVersion, OrderStatusEdit edit, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var definition = await db.OrderStatusDefinitions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (definition is null) return "This status no longer exists; reload.";
        if (definition.Version != expectedVersion) return "This status was changed by someone else meanwhile; reload.";
        var codes = await db.OrderStatusDefinitions.Select(d => d.Code).ToListAsync(ct);
        if (edit.AllowedNext.FirstOrDefault(c => !codes.Contains(c)) is { } unknown) return $"There is no status '{unknown}' to lead to.";
        if (edit.CustomerTemplateKey is { } key && !await db.Set<EmailTemplate>().AnyAsync(t => t.Key == key, ct)
            && DefaultEmailTemplates.All.All(t => t.Key != key))
            return $"There is no e-mail template '{key}'.";
        try
        {
            definition.Edit(edit.Name, edit.Colour, edit.CustomerVisible, edit.AllowedNext, edit.CustomerTemplateKey, edit.EmailStaff);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            return "This status was changed by someone else meanwhile; reload.";
        }
    }

    /// <summary>
    /// Adds a status (a sub-status when <paramref name="parentCode"/> is given) after its siblings; its name is its code.
    /// Null when added; otherwise why not.
    /// </summary>
    public async Task<string?> AddAsync(string name, string? parentCode, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var all = await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct);
        var code = name.Trim();
        if (all.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Name, code, StringComparison.OrdinalIgnoreCase)))
            return $"There is a status '{code}' already.";
        if (parentCode is not null && all.SingleOrDefault(d => d.Code == parentCode) is not { ParentCode: null })
            return "A sub-status belongs to a main status.";
        var siblings = all.Where(d => d.ParentCode == parentCode).Select(d => d.Position).DefaultIfEmpty(0).Max();
        var position = parentCode is null ? siblings + 10 : Math.Max(siblings, all.Single(d => d.Code == parentCode).Position) + 1;
        try
        {
            db.OrderStatusDefinitions.Add(new OrderStatusDefinition(code, code, parentCode, position, "#757575", customerVisible: false, []));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            return $"There is a status '{code}' already.";
        }
    }

    /// <summary>Why the status cannot be deleted, or null once it is.</summary>
    public async Task<string?> DeleteAsync(long id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var definition = await db.OrderStatusDefinitions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (definition is null) return null;
        if (await WhyNotDeletableAsync(db, definition, ct) is { } reason) return reason;
        db.OrderStatusDefinitions.Remove(definition);
        foreach (var leading in await db.OrderStatusDefinitions.Where(d => d.Id != id).ToListAsync(ct))
            if (leading.AllowedNext.Contains(definition.Code))
                leading.Edit(leading.Name, leading.Colour, leading.CustomerVisible, leading.AllowedNext.Where(c => c != definition.Code),
                    leading.CustomerTemplateKey, leading.EmailStaff);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Built-in statuses come back at every start, and a status in use would leave orders pointing at nothing.</summary>
    public static async Task<string?> WhyNotDeletableAsync(CommerceDbContext db, OrderStatusDefinition definition, CancellationToken ct)
    {
        var code = definition.Code;
        if (DefaultOrderStatuses.Create().Any(d => d.Code == code))
            return $"'{definition.Name}' is a built-in status of the lifecycle: rename it, or stop other statuses leading to it, instead.";
        var orders = await db.Orders.CountAsync(o => o.Status == code || o.SubStatus == code, ct);
        if (orders > 0) return $"'{definition.Name}' cannot be deleted: {orders} order(s) are in it.";
        if (await db.OrderStatusHistory.AnyAsync(h => h.FromCode == code || h.ToCode == code, ct))
            return $"'{definition.Name}' cannot be deleted: order histories name it.";
        if (await db.OrderStatusDefinitions.AnyAsync(d => d.ParentCode == code, ct))
            return $"'{definition.Name}' cannot be deleted while it has sub-statuses.";
        return null;
    }
}
