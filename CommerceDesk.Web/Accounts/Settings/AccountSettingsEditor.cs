using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Web.Accounts.Relating;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Settings;

public sealed record AccountSettingsView(AccountStrategy Strategy, string ReportingCurrency, int Version, IReadOnlyList<AccountSettingsChange> Changes);

/// <summary>What admins change on /settings/accounts and /settings/exchange-rates; every change is audited and re-relates or recomputes accounts by the job.</summary>
public sealed class AccountSettingsEditor(IDbContextFactory<CommerceDbContext> factory, AccountRelationRuns runs, TimeProvider time)
{
    public const int ChangesShown = 20;

    public async Task<AccountSettingsView> LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var settings = await db.AccountSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? AccountSettings.Default();
        var changes = await db.AccountSettingsChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(ChangesShown).ToListAsync(ct);
        return new AccountSettingsView(settings.Strategy, settings.ReportingCurrency, settings.Version, changes);
    }

    /// <summary>Saves the strategy (refused when someone else changed the settings since <paramref name="version"/>) and starts re-relating.</summary>
    public Task ChangeStrategyAsync(AccountStrategy strategy, int version, Actor by, CancellationToken ct) =>
        ChangeAsync(version, by, ct, (s, now) => s.ChangeStrategy(strategy, by, now));

    /// <summary>Lifetime values are kept in the reporting currency, so a new one recomputes them all.</summary>
    public Task ChangeReportingCurrencyAsync(string currency, int version, Actor by, CancellationToken ct) =>
        ChangeAsync(version, by, ct, (s, now) => s.ChangeReportingCurrency(currency, by, now));

    private async Task ChangeAsync(int version, Actor by, CancellationToken ct, Func<AccountSettings, DateTime, AccountSettingsChange?> change)
    {
        var now = time.GetUtcNow().UtcDateTime;
        AccountStrategy strategy;
        AccountRelationReason reason;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var settings = await db.AccountSettings.SingleOrDefaultAsync(ct);
            if (settings is null) db.AccountSettings.Add(settings = AccountSettings.Default());
            if (settings.Version != version)
                throw new DomainException("Someone else changed the account settings meanwhile; reload the page to see their change.");
            var before = settings.Strategy;
            if (change(settings, now) is not { } audit) return;
            db.AccountSettingsChanges.Add(audit);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex) when (DbErrors.IsStaleWrite(ex) || DbErrors.IsUniqueViolation(ex))
            {
                throw new DomainException("Someone else changed the account settings meanwhile; reload the page to see their change.");
            }
            strategy = settings.Strategy;
            reason = strategy != before ? AccountRelationReason.StrategyChanged : AccountRelationReason.ValuesChanged;
        }
        await runs.StartAsync(strategy, reason, by, ct);
    }

    public async Task<IReadOnlyList<ExchangeRate>> RatesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ExchangeRates.AsNoTracking().OrderBy(r => r.Currency).ToListAsync(ct);
    }

    /// <summary>Adds or changes a rate, audits it and recomputes every lifetime value with it.</summary>
    public async Task SaveRateAsync(string currency, decimal rate, Actor by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = Currency.Parse(currency);
        AccountStrategy strategy;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var settings = await db.AccountSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? AccountSettings.Default();
            if (code == settings.ReportingCurrency)
                throw new DomainException($"{code} is the reporting currency: its rate is always 1.");
            var stored = await db.ExchangeRates.SingleOrDefaultAsync(r => r.Currency == code, ct);
            var from = stored?.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
            if (stored is null) db.ExchangeRates.Add(stored = new ExchangeRate(code, rate, by, now));
            else stored.Change(rate, by, now);
            db.AccountSettingsChanges.Add(AccountSettingsChange.Of($"Exchange rate {code}", from,
                stored.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture), by, now));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
                throw new DomainException($"Someone else added a rate for {code} meanwhile; reload the page to see it.");
            }
            strategy = settings.Strategy;
        }
        await runs.StartAsync(strategy, AccountRelationReason.ValuesChanged, by, ct);
    }

    public async Task RemoveRateAsync(string currency, Actor by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        AccountStrategy strategy;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var stored = await db.ExchangeRates.SingleOrDefaultAsync(r => r.Currency == currency, ct);
            if (stored is null) return;
            db.ExchangeRates.Remove(stored);
            db.AccountSettingsChanges.Add(AccountSettingsChange.Of($"Exchange rate {currency}",
                stored.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "none", by, now));
            await db.SaveChangesAsync(ct);
            strategy = await db.AccountSettings.Select(s => (AccountStrategy?)s.Strategy).SingleOrDefaultAsync(ct) ?? AccountStrategy.OnePerCustomer;
        }
        await runs.StartAsync(strategy, AccountRelationReason.ValuesChanged, by, ct);
    }
}
