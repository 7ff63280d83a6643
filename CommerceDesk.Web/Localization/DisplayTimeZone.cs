using System.Globalization;
using System.Text.RegularExpressions;

namespace CommerceDesk.Web.Localization;

/// <summary>
/// The time zone a manager reads and types times in: their browser's IANA zone, for the whole circuit. Stored
/// times stay UTC; this converts at the edges only (display, form input, day filters). An unknown zone reads as UTC.
/// </summary>
public sealed partial class DisplayTimeZone
{
    /// <summary>Set by the browser (Localization/BrowserTimeZone.razor.js) so that even the prerender knows the zone.</summary>
    public const string CookieName = "CommerceDesk.TimeZone";
    public const string UtcName = "UTC";

    private const string DisplayFormat = "yyyy-MM-dd HH:mm";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The zone as labels name it: "Europe/Berlin", or "UTC".</summary>
    public string Name { get; private set; } = UtcName;

    /// <summary>Raised when the circuit learns a different zone, so times already on screen render again.</summary>
    public event Action? Changed;

    /// <summary>Shows times in <paramref name="ianaId"/> from now on; returns whether the zone changed.</summary>
    public bool Use(string? ianaId)
    {
        var (zone, name) = Resolve(ianaId);
        if (name == Name) return false;
        Zone = zone;
        Name = name;
        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// The zone a browser named, or UTC when the name is missing, malformed or not in the system's zone database.
    /// The name arrives in a cookie, so it is checked against the IANA shape before it reaches the zone lookup.
    /// </summary>
    public static (TimeZoneInfo Zone, string Name) Resolve(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId) || !IanaId().IsMatch(ianaId)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone)
            || zone.HasSameRules(TimeZoneInfo.Utc))
            return (TimeZoneInfo.Utc, UtcName);
        return (zone, ianaId);
    }

    /// <summary>The wall-clock time in the display zone (Kind Unspecified) of a stored UTC time.</summary>
    public DateTime ToLocal(DateTime utc) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone), DateTimeKind.Unspecified);

    /// <summary>
    /// The UTC instant of a wall-clock time typed in the display zone. A time the clocks skip (02:30 when summer
    /// time starts) counts as if the clock had not yet moved on, so it lands just after the jump (03:30); a time
    /// that occurs twice (02:30 when summer time ends) means its first occurrence.
    /// </summary>
    public DateTime ToUtc(DateTime local) => ToUtc(local, Zone);

    /// <inheritdoc cref="ToUtc(DateTime)"/>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(wall))
            offset = Min(zone.GetUtcOffset(wall.AddDays(-1)), zone.GetUtcOffset(wall.AddDays(1)));
        else if (zone.IsAmbiguousTime(wall))
            offset = zone.GetAmbiguousTimeOffsets(wall).Max();
        else
            offset = zone.GetUtcOffset(wall);
        // Typed input can sit at the very ends of the calendar, where the shift would leave DateTime's range.
        var ticks = Math.Clamp(wall.Ticks - offset.Ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>"2026-11-23 11:02" in the display zone: the one way times read on screen.</summary>
    public string Format(DateTime utc) => ToLocal(utc).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    /// <summary>The stored instant itself, for tooltips: "2026-11-23 10:02 UTC".</summary>
    public static string FormatUtc(DateTime utc) => AsUtc(utc).ToString(DisplayFormat, CultureInfo.InvariantCulture) + " " + UtcName;

    /// <summary>ISO 8601 in UTC, for machine-readable attributes such as &lt;time datetime&gt;.</summary>
    public static string Iso(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    // Times read back from the database come unspecified; they are UTC by the data layer's rule.
    private static DateTime AsUtc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC": letters, digits, _ + - between slashes.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]{0,29}(/[A-Za-z0-9_+\-]{1,30}){0,2}$")]
    private static partial Regex IanaId();
}
