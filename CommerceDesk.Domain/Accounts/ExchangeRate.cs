using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Accounts;

/// <summary>What one unit of a currency is worth in the reporting currency, as the admin keeps it.</summary>
public sealed class ExchangeRate
{
    public const int RateScale = 6;

    private ExchangeRate() { }

    public ExchangeRate(string currency, decimal rate, Actor by, DateTime now)
    {
        Currency = Common.Currency.Parse(currency);
        Change(rate, by, now);
    }

    public string Currency { get; private set; } = "";

    /// <summary>Units of the reporting currency per unit of <see cref="Currency"/>.</summary>
    public decimal Rate { get; private set; }

    public string UpdatedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public void Change(decimal rate, Actor by, DateTime now)
    {
        if (rate <= 0m) throw new DomainException($"The exchange rate for {Currency} must be greater than zero.");
        if (rate >= 1_000_000m) throw new DomainException($"The exchange rate for {Currency} must be below 1,000,000.");
        Rate = decimal.Round(rate, RateScale);
        UpdatedBy = by.Name;
        UpdatedAt = Guard.Utc(now);
    }
}
