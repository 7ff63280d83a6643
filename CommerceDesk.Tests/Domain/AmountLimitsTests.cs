using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Domain;

/// <summary>Lines and records stay within <see cref="AmountLimits"/>, so stored amounts and their sums never overflow.</summary>
public sealed class AmountLimitsTests
{
    [Fact]
    public void ARecordAtEveryLimitIsAccepted()
    {
        var cart = new CartBuilder().WithItem("A", 9, AmountLimits.MaxUnitPrice).Build();
        var tiny = new CartBuilder().WithItem("B", AmountLimits.MaxQuantity, 0.0001m).Build();

        cart.Subtotal.Amount.ShouldBe(AmountLimits.MaxTotal);
        tiny.Items.Single().UnitPrice.ShouldBe(0.0001m);
        tiny.Subtotal.Amount.ShouldBe(100m);
    }

    [Theory]
    [InlineData(1, 100_000_000.0001, "unit price")]
    [InlineData(1, 1e15, "unit price")]
    [InlineData(1, 19.12345, "decimals")]
    [InlineData(1_000_001, 1, "quantity")]
    [InlineData(10, 100_000_000, "line total")]
    public void ALineBeyondALimitIsRefused(int quantity, double unitPrice, string reason) =>
        Should.Throw<DomainException>(() => new CartBuilder().WithItem("A", quantity, (decimal)unitPrice).Build()).Message.ShouldContain(reason);

    [Fact]
    public void TheLargestDecimalIsRefusedRatherThanOverflowing() =>
        Should.Throw<DomainException>(() => new CartBuilder().WithItem("A", 100_000, decimal.MaxValue).Build()).Message.ShouldContain("unit price");

    [Fact]
    public void LinesAddingUpBeyondTheRecordCapAreRefused() =>
        Should.Throw<DomainException>(() => new CartBuilder()
            .WithItem("A", 5, AmountLimits.MaxUnitPrice).WithItem("B", 5, AmountLimits.MaxUnitPrice).Build()).Message.ShouldContain("add up");

    [Fact]
    public void TrailingZerosAreNotExtraDecimals() =>
        new CartBuilder().WithItem("A", 1, 1.50000m).Build().Items.Single().UnitPrice.ShouldBe(1.5m);
}
