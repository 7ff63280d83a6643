using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Fulfilment;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Carriers;

public sealed record CarrierRow(long Id, string Name, string TrackingUrlTemplate, int Version, int Shipments);

/// <summary>The answer to a settings change: null when saved, else what the admin reads.</summary>
public sealed record SettingsOutcome(string? Error)
{
    public bool Succeeded => Error is null;
    public static SettingsOutcome Saved { get; } = new((string?)null);
}

/// <summary>
/// The warehouse settings an admin edits: the carriers (name and tracking-URL template) and the delivery route new
/// deliveries take. Each save checks the version the admin saw, so two admins editing at once do not overwrite each other.
/// </summary>
public sealed class CarrierSettings(IDbContextFactory<CommerceDbContext> factory)
{
    private const string Stale = "Someone else changed this meanwhile; reload and try again.";

    public async Task<IReadOnlyList<CarrierRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Carriers.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CarrierRow(c.Id, c.Name, c.TrackingUrlTemplate, c.Version, db.Deliveries.Count(d => d.CarrierName == c.Name)))
            .ToListAsync(ct);
    }

    public Task<SettingsOutcome> AddAsync(string name, string template, CancellationToken ct = default) =>
        SaveAsync(db =>
        {
            db.Carriers.Add(new Carrier(name, template));
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<SettingsOutcome> EditAsync(long id, int version, string name, string template, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            if (await db.Carriers.FindAsync([id], ct) is not { } carrier) return "This carrier no longer exists.";
            if (carrier.Version != version) return Stale;
            carrier.Edit(name, template);
            return null;
        }, ct);

    /// <summary>Shipped parcels keep their carrier's name and link, so a carrier can go even when it was used.</summary>
    public Task<SettingsOutcome> DeleteAsync(long id, int version, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            if (await db.Carriers.FindAsync([id], ct) is not { } carrier) return null;
            if (carrier.Version != version) return Stale;
            db.Carriers.Remove(carrier);
            return null;
        }, ct);

    public async Task<(DeliveryRoute Route, int Version)> RouteAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var settings = await db.FulfilmentSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == FulfilmentSettings.SingletonId, ct);
        return settings is null ? (FulfilmentSettings.DefaultRoute, -1) : (settings.Route, settings.Version);
    }

    /// <param name="version">The version read with the route; -1 when no row existed yet.</param>
    public Task<SettingsOutcome> ChangeRouteAsync(DeliveryRoute route, int version, CancellationToken ct = default) =>
        SaveAsync(async db =>
        {
            var settings = await db.FulfilmentSettings.FindAsync([FulfilmentSettings.SingletonId], ct);
            if (settings is null)
            {
                if (version != -1) return Stale;
                db.FulfilmentSettings.Add(new FulfilmentSettings(route));
                return null;
            }
            if (settings.Version != version) return Stale;
            settings.ChangeRoute(route);
            return null;
        }, ct);

    private async Task<SettingsOutcome> SaveAsync(Func<CommerceDbContext, Task<string?>> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        try
        {
            if (await change(db) is { } refused) return new(refused);
            await db.SaveChangesAsync(ct);
            return SettingsOutcome.Saved;
        }
        catch (DomainException e)
        {
            return new(e.Message);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return new("There is a carrier of that name already.");
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            return new(Stale);
        }
    }
}
