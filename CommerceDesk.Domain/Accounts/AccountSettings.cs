using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Accounts;

/// <summary>The admin's account settings: one row for the whole back office.</summary>
public sealed class AccountSettings : Entity, IVersioned
{
    public const long SingletonId = 1;

    private AccountSettings() { }

    public static AccountSettings Default() => new() { Id = SingletonId, Strategy = AccountStrategy.OnePerCustomer, ReportingCurrency = "EUR" };

    public AccountStrategy Strategy { get; private set; }

    /// <summary>The currency lifetime values and the forecast are shown in.</summary>
    public string ReportingCurrency { get; private set; } = "EUR";

    public int Version { get; private set; }

    /// <summary>Changes the strategy and says what changed, for the audit; null when nothing did.</summary>
    public AccountSettingsChange? ChangeStrategy(AccountStrategy strategy, Actor by, DateTime now)
    {
        if (!Enum.IsDefined(strategy)) throw new DomainException("Choose one of the account strategies.");
        if (strategy == Strategy) return null;
        var change = new AccountSettingsChange("Account strategy", Strategy.Label(), strategy.Label(), by, now);
        Strategy = strategy;
        return change;
    }

    public AccountSettingsChange? ChangeReportingCurrency(string currency, Actor by, DateTime now)
    {
        var code = Currency.Parse(currency);
        if (code == ReportingCurrency) return null;
        var change = new AccountSettingsChange("Reporting currency", ReportingCurrency, code, by, now);
        ReportingCurrency = code;
        return change;
    }
}

/// <summary>One audited change of an account setting: who, when, from and to.</summary>
public sealed class AccountSettingsChange
{
    public const int SettingMaxLength = 60;
    public const int ValueMaxLength = 100;

    private AccountSettingsChange() { }

    internal AccountSettingsChange(string setting, string from, string to, Actor by, DateTime at)
    {
        Setting = setting;
        FromValue = from;
        ToValue = to;
        ChangedById = by.UserId;
        ChangedBy = by.Name;
        ChangedAt = Guard.Utc(at);
    }

    /// <summary>A change of a setting kept outside this row (an exchange rate).</summary>
    public static AccountSettingsChange Of(string setting, string from, string to, Actor by, DateTime at) => new(setting, from, to, by, at);

    public long Id { get; private set; }
    public string Setting { get; private set; } = "";
    public string FromValue { get; private set; } = "";
    public string ToValue { get; private set; } = "";
    public string ChangedById { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
}
