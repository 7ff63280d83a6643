using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Domain;

public sealed class CartTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void ComputesSubtotalAndItemCountFromItems()
    {
        var cart = new CartBuilder().WithItem("A", 2, 10m).WithItem("B", 1, 5.5m).Build();

        cart.Subtotal.ShouldBe(new Money(25.5m, "EUR"));
        cart.ItemCount.ShouldBe(3);
        cart.Items.Select(i => i.Position).ShouldBe([1, 2]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RejectsANonPositiveQuantity(int quantity) =>
        Should.Throw<DomainException>(() => new CartBuilder().WithItem("A", quantity).Build()).Message.ShouldContain("quantity");

    [Fact]
    public void RejectsANegativePrice() =>
        Should.Throw<DomainException>(() => new CartBuilder().WithItem("A", 1, -1m).Build()).Message.ShouldContain("price");

    [Fact]
    public void RejectsAnInvalidEmail() =>
        Should.Throw<DomainException>(() => new CartBuilder().WithEmail("not-an-email").Build());

    [Fact]
    public void IgnoresAStaleOrDuplicateUpdate()
    {
        var cart = new CartBuilder().WithItem("A", 1).UpdatedAt(Clock.Start.AddMinutes(10)).Build();

        cart.Update(new CartBuilder().WithItem("B", 5).Snapshot(), Clock.Start.AddMinutes(5)).ShouldBeFalse();
        cart.Update(new CartBuilder().WithItem("B", 5).Snapshot(), Clock.Start.AddMinutes(10)).ShouldBeFalse();

        cart.Items.Single().Sku.ShouldBe("A");
    }

    [Fact]
    public void ANewerUpdateReplacesTheItemsAndMovesLastActivity()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();

        cart.Update(new CartBuilder().WithItem("B", 2).AtStep(CheckoutStep.Shipping).Snapshot(), Clock.Start.AddMinutes(1)).ShouldBeTrue();

        cart.Items.Single().Sku.ShouldBe("B");
        cart.CheckoutStep.ShouldBe(CheckoutStep.Shipping);
        cart.LastActivityAt.ShouldBe(Clock.Start.AddMinutes(1));
    }

    [Fact]
    public void IsAbandonedOnlyAfterTheDelay()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();

        cart.IsAbandonedAt(Clock.Start.AddMinutes(59), Hour).ShouldBeFalse();
        cart.IsAbandonedAt(Clock.Start.AddMinutes(60), Hour).ShouldBeTrue();
    }

    [Fact]
    public void AnEmptyCartIsNeverAbandoned() =>
        new CartBuilder().Build().IsAbandonedAt(Clock.Start.AddDays(1), Hour).ShouldBeFalse();

    [Fact]
    public void AGuestPlaceholderCartIsNeverAbandoned() =>
        new CartBuilder().ForCustomer(null).WithEmail("guest@shop.example").WithItem("A", 1).Build()
            .IsAbandonedAt(Clock.Start.AddDays(1), Hour).ShouldBeFalse();

    [Fact]
    public void MarkingAbandonedRecordsWhenAndRaisesNoEvent()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();

        cart.MarkAbandoned(Clock.Start.AddHours(2), Hour);

        cart.Status.ShouldBe(CartStatus.Abandoned);
        cart.AbandonedAt.ShouldBe(Clock.Start.AddHours(2));
        cart.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void AnIdleEmptyCartIsMarkedCheckedAndAPushClearsTheCheck()
    {
        var cart = new CartBuilder().Build();

        cart.MarkAbandonmentChecked(Clock.Start.AddHours(2), Hour);
        cart.AbandonmentCheckedAt.ShouldBe(Clock.Start.AddHours(2));
        cart.Update(new CartBuilder().WithItem("A", 1).Snapshot(), Clock.Start.AddMinutes(5)).ShouldBeTrue();

        cart.AbandonmentCheckedAt.ShouldBeNull();
        cart.IsAbandonedAt(Clock.Start.AddHours(2), Hour).ShouldBeTrue();
    }

    [Fact]
    public void OnlyAnIdleCartThatCannotBeAbandonedIsMarkedChecked()
    {
        Should.Throw<DomainException>(() => new CartBuilder().WithItem("A", 1).Build().MarkAbandonmentChecked(Clock.Start.AddHours(2), Hour));
        Should.Throw<DomainException>(() => new CartBuilder().Build().MarkAbandonmentChecked(Clock.Start.AddMinutes(59), Hour));
    }

    [Fact]
    public void AnAbandonedCartCountsAsExamined()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();

        cart.MarkAbandoned(Clock.Start.AddHours(2), Hour);

        cart.AbandonmentCheckedAt.ShouldBe(Clock.Start.AddHours(2));
    }

    [Fact]
    public void CannotMarkAFreshCartAbandoned() =>
        Should.Throw<DomainException>(() => new CartBuilder().WithItem("A", 1).Build().MarkAbandoned(Clock.Start, Hour));

    [Fact]
    public void CustomerActivityReopensAnAbandonedCart()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();
        cart.MarkAbandoned(Clock.Start.AddHours(2), Hour);

        cart.Update(new CartBuilder().WithItem("A", 2).Snapshot(), Clock.Start.AddHours(3));

        cart.Status.ShouldBe(CartStatus.Open);
        cart.AbandonedAt.ShouldBeNull();
    }

    [Fact]
    public void CustomerActivityDoesNotReopenALostCart()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();
        cart.MarkLost();

        cart.Update(new CartBuilder().WithItem("A", 2).Snapshot(), Clock.Start.AddHours(3));

        cart.Status.ShouldBe(CartStatus.Lost);
    }

    [Fact]
    public void PurchasingIsIdempotentForTheSameOrder()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();

        cart.MarkPurchased(7);
        cart.MarkPurchased(7);

        cart.Status.ShouldBe(CartStatus.Purchased);
        cart.DomainEvents.OfType<CartPurchased>().ShouldHaveSingleItem();
    }

    [Fact]
    public void ACartCannotBePurchasedByTwoOrders()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();
        cart.MarkPurchased(7);

        Should.Throw<DomainException>(() => cart.MarkPurchased(8));
    }

    [Fact]
    public void APurchasedCartCannotBeLost()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();
        cart.MarkPurchased(7);

        Should.Throw<DomainException>(cart.MarkLost);
    }

    [Fact]
    public void OnlyALostOrAbandonedCartCanBeReopened() =>
        Should.Throw<DomainException>(new CartBuilder().WithItem("A", 1).Build().Reopen).Message.ShouldContain("Open");

    [Fact]
    public void AReminderIsRecordedOnlyOnce()
    {
        var cart = new CartBuilder().WithItem("A", 1).Build();
        cart.RecordReminderSent(Clock.Start);

        Should.Throw<DomainException>(() => cart.RecordReminderSent(Clock.Start));
    }

    [Fact]
    public void ChangingTheCustomerUnlinksTheOldOne()
    {
        var cart = new CartBuilder().ForCustomer("c1").WithItem("A", 1).Build();
        cart.LinkCustomer(42);

        cart.Update(new CartBuilder().ForCustomer("c2").WithItem("A", 1).Snapshot(), Clock.Start.AddMinutes(1));

        cart.CustomerId.ShouldBeNull();
        cart.CustomerExternalId.ShouldBe("c2");
    }
}
