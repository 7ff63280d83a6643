namespace CommerceDesk.Domain.Common;

/// <summary>
/// The largest quantities and amounts a cart or order may carry. Amounts are stored as whole ten-thousandths in a
/// 64-bit integer (long.MaxValue = 9,223,372,036,854,775,807, i.e. 922,337,203,685,477.5807), and the databases sum
/// them as 64-bit integers too (SQLite raises "integer overflow", SQL Server an arithmetic overflow, PostgreSQL's
/// numeric sum no longer fits the long it is read into). So a record's total is capped where a sum over
/// 1,000,000 records at the cap still fits: 1,000,000 × 900,000,000.0000 = 9 × 10^14, i.e. 9 × 10^18
/// ten-thousandths, below 9.22 × 10^18. Line totals are capped at the same figure (a line cannot exceed its record);
/// within one record 500 lines at the cap, 4.5 × 10^11, are far from decimal's range.
/// </summary>
public static class AmountLimits
{
    /// <summary>The highest unit price, 100,000,000.0000 in the record's currency.</summary>
    public const decimal MaxUnitPrice = 100_000_000m;

    /// <summary>The most units on one line; 500 lines at this quantity (5 × 10^8) still fit an item count (int).</summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>The highest line total (quantity × unit price) and record subtotal, 900,000,000.0000.</summary>
    public const decimal MaxTotal = 900_000_000m;

    /// <summary>Decimals an amount may carry: the ten-thousandths it is stored in. More are refused, never rounded away.</summary>
    public const int MaxDecimals = 4;

    /// <summary>The number of records whose totals at <see cref="MaxTotal"/> are guaranteed to sum within a 64-bit integer.</summary>
    public const int RecordsSummable = 1_000_000;

    /// <summary>Whether the amount has no more decimals than are stored (trailing zeros do not count).</summary>
    public static bool HasStoredPrecision(decimal amount) => decimal.Round(amount, MaxDecimals) == amount;

    /// <summary>The limits as storefront developers read them, e.g. 900,000,000.</summary>
    public static string Format(decimal amount) => amount.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
