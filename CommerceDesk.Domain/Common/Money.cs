namespace CommerceDesk.Domain.Common;

/// <summary>An amount in a currency, rounded to the currency's minor unit. Amounts of different currencies never mix.</summary>
public sealed record Money
{
    public decimal Amount { get; }
    public string Currency { get; }

    public Money(decimal amount, string currency)
    {
        Currency = Common.Currency.Parse(currency);
        Amount = decimal.Round(amount, Common.Currency.DigitsOf(Currency), MidpointRounding.AwayFromZero);
    }

    public static Money Zero(string currency) => new(0m, currency);

    public bool IsZero => Amount == 0m;

    public Money Add(Money other) => new(Amount + SameCurrency(other).Amount, Currency);

    public Money Multiply(int quantity) => new(Amount * quantity, Currency);

    public static Money operator +(Money left, Money right) => left.Add(right);

    private Money SameCurrency(Money other) =>
        other.Currency == Currency
            ? other
            : throw new DomainException($"Cannot combine {Currency} with {other.Currency}.");

    public override string ToString() => $"{Amount.ToString("N" + Common.Currency.DigitsOf(Currency), System.Globalization.CultureInfo.InvariantCulture)} {Currency}";
}
