using CommerceDesk.Domain.Common;

namespace CommerceDesk.Tests.Domain;

public sealed class MoneyTests
{
    [Fact]
    public void RoundsToTheCurrencysMinorUnit()
    {
        new Money(10.005m, "EUR").Amount.ShouldBe(10.01m);
        new Money(1234.5m, "JPY").Amount.ShouldBe(1235m);
    }

    [Fact]
    public void NormalizesTheCurrencyCode() => new Money(1m, " eur ").Currency.ShouldBe("EUR");

    [Fact]
    public void RejectsAnUnknownCurrency() =>
        Should.Throw<DomainException>(() => new Money(1m, "XYZ")).Message.ShouldContain("XYZ");

    [Fact]
    public void AddsAmountsOfTheSameCurrency() =>
        (new Money(1.10m, "EUR") + new Money(2.25m, "EUR")).ShouldBe(new Money(3.35m, "EUR"));

    [Fact]
    public void NeverMixesCurrencies() =>
        Should.Throw<DomainException>(() => new Money(1m, "EUR") + new Money(1m, "USD"));

    [Fact]
    public void MultipliesByQuantity() => new Money(2.50m, "EUR").Multiply(3).Amount.ShouldBe(7.50m);
}
