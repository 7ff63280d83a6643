using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceDesk.Data.Interceptors;

/// <summary>
/// Bumps <see cref="IVersioned.Version"/> on every changed row. The version is the concurrency token,
/// so the UPDATE only matches the version that was read: of two concurrent writers exactly one wins.
/// Works the same on SQLite (no rowversion) and SQL Server.
/// </summary>
public sealed class VersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BumpVersions(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BumpVersions(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void BumpVersions(DbContext? context)
    {
        if (context is null) return;
        // Entries() detects changes first, so entities modified since the last save show as Modified here.
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Modified or EntityState.Added)
            {
                var version = entry.Property<int>(nameof(IVersioned.Version)); // by name: a lambda builds an expression tree per call
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
