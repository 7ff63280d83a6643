using CommerceDesk.Domain.Accounts;

namespace CommerceDesk.Tests.Accounts;

public sealed class LifetimeSalesValueTests
{
    private static readonly Dictionary<string, decimal> Rates = new() { ["USD"] = 0.9m, ["GBP"] = 1.2m };

    [Fact]
    public void SubtotalsAreAddedUpInTheReportingCurrencyNetOfWhatWasGivenBack()
    {
        var result = LifetimeSalesValue.Of(
            [new OrderSale(1, "EUR", 100m, 0m), new OrderSale(2, "USD", 200m, 50m), new OrderSale(3, "GBP", 10m, 0m)], "EUR", Rates);

        result.Value.ShouldBe(100m + 150m * 0.9m + 10m * 1.2m);
        result.CurrenciesWithoutRate.ShouldBeEmpty();
    }

    [Fact]
    public void AnOrderRefundedTwiceOverCountsAsNothingNotLessThanNothing() =>
        LifetimeSalesValue.Of([new OrderSale(1, "EUR", 40m, 40m), new OrderSale(2, "EUR", 40m, 30m), new OrderSale(3, "EUR", 5m, 0m)], "EUR", Rates)
            .Value.ShouldBe(15m);

    [Fact]
    public void ACurrencyWithoutARateIsLeftOutAndNamed()
    {
        var result = LifetimeSalesValue.Of([new OrderSale(1, "EUR", 10m, 0m), new OrderSale(2, "JPY", 1000m, 0m)], "EUR", Rates);

        result.Value.ShouldBe(10m);
        result.CurrenciesWithoutRate.ShouldBe(["JPY"]);
    }

    [Fact]
    public void AValueBeyondWhatCanBeStoredStopsAtTheMaximum() =>
        LifetimeSalesValue.Of([new OrderSale(1, "GBP", 900_000_000m, 0m), new OrderSale(2, "GBP", 900_000_000m, 0m)], "EUR",
                new Dictionary<string, decimal> { ["GBP"] = 999_999m })
            .Value.ShouldBe(LifetimeSalesValue.MaxValue);
}
