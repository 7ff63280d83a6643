namespace CommerceDesk.Domain.Common;

/// <summary>The ISO 4217 currencies the shops we serve sell in, with their minor-unit digits.</summary>
public static class Currency
{
    public const int CodeLength = 3;

    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.Ordinal)
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2,
        ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2,
        ["BRL"] = 2, ["MXN"] = 2, ["INR"] = 2, ["CNY"] = 2, ["ZAR"] = 2, ["SGD"] = 2, ["HKD"] = 2,
        ["JPY"] = 0, ["KRW"] = 0,
    };

    public static bool IsKnown(string? code) => code is not null && MinorDigits.ContainsKey(code);

    public static IReadOnlyCollection<string> All => MinorDigits.Keys;

    /// <summary>Returns the normalized code or throws a readable error for an unknown one.</summary>
    public static string Parse(string? code)
    {
        var normalized = code?.Trim().ToUpperInvariant();
        return IsKnown(normalized)
            ? normalized!
            : throw new DomainException($"Currency '{code}' is not a known ISO 4217 currency.");
    }

    public static int DigitsOf(string code) => MinorDigits[code];
}
