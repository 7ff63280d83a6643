using System.Text.RegularExpressions;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Channels;

/// <summary>A storefront that pushes customers, carts and orders to us, with its own API keys and settings.</summary>
public sealed partial class Channel : Entity
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 200;
    public static readonly TimeSpan DefaultAbandonmentDelay = TimeSpan.FromHours(1);

    private readonly List<ChannelApiKey> _apiKeys = [];

    private Channel() { }

    public Channel(string code, string name, string currency, string timeZone = "UTC")
    {
        Code = Guard.Required(code, "Channel code", CodeMaxLength).ToLowerInvariant();
        if (CodeProblem(Code) is { } codeProblem) throw new DomainException(codeProblem);
        Name = Guard.Required(name, "Channel name", NameMaxLength);
        Currency = Common.Currency.Parse(currency);
        TimeZone = Guard.Required(timeZone, "Time zone", 100);
        if (TimeZoneProblem(TimeZone) is { } zoneProblem) throw new DomainException(zoneProblem);
    }

    /// <summary>Why <paramref name="code"/> cannot name a channel, or null when it can. The code is part of the API's URLs.</summary>
    public static string? CodeProblem(string code) =>
        code.Length == 0 ? "Enter a code, e.g. web or outlet-de."
        : code.Length > CodeMaxLength ? $"The code can have at most {CodeMaxLength} characters."
        : !CodeFormat().IsMatch(code) ? "Use only lowercase letters, digits and dashes (not at the start or end), e.g. outlet-de: the code is part of the API URL."
        : null;

    /// <summary>Why <paramref name="timeZone"/> is not usable for the channel's dates, or null when it is.</summary>
    public static string? TimeZoneProblem(string timeZone) =>
        timeZone.Length == 0 ? "Enter a time zone, e.g. Europe/Berlin or UTC."
        : !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _) ? $"'{timeZone}' is not a known time zone; use an IANA name such as Europe/Berlin."
        : null;

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex CodeFormat();

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public string TimeZone { get; private set; } = "UTC";
    public TimeSpan AbandonmentDelay { get; private set; } = DefaultAbandonmentDelay;
    public bool RemindersEnabled { get; private set; }

    /// <summary>When reminders were last switched on: carts abandoned before it are never e-mailed.</summary>
    public DateTime? RemindersEnabledAt { get; private set; }

    /// <summary>The template abandoned-cart reminders of this channel are written with.</summary>
    public string ReminderTemplateKey { get; private set; } = Email.EmailTemplateKeys.CartReminder;

    public IReadOnlyCollection<ChannelApiKey> ApiKeys => _apiKeys;

    public void SetAbandonmentDelay(TimeSpan delay)
    {
        if (delay < TimeSpan.FromMinutes(5) || delay > TimeSpan.FromDays(30))
            throw new DomainException("The abandonment delay must be between 5 minutes and 30 days.");
        AbandonmentDelay = delay;
    }

    public void EnableReminders(DateTime now)
    {
        if (RemindersEnabled) return;
        RemindersEnabled = true;
        RemindersEnabledAt = Guard.Utc(now);
    }

    public void DisableReminders() => RemindersEnabled = false;

    public void SetReminderTemplate(string templateKey)
    {
        var key = Guard.Required(templateKey, "Reminder template", 100);
        if (!Email.EmailTemplateKeys.IsCartReminder(key))
            throw new DomainException("Choose an abandoned-cart reminder template.");
        ReminderTemplateKey = key;
    }


    /// <summary>Adds a key; only its hash is kept, so the caller must hand the plain key to the storefront now.</summary>
    public ChannelApiKey AddApiKey(string plainKey, string label, DateTime now)
    {
        var key = new ChannelApiKey(this, plainKey, label, now);
        _apiKeys.Add(key);
        return key;
    }
}
