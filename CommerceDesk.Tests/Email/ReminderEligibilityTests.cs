using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Tests.Email;

/// <summary>DESIGN §6, one rule at a time: a cart that passes every other rule fails exactly the one under test.</summary>
public sealed class ReminderEligibilityTests
{
    private static readonly DateTime Activation = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Activation.AddDays(1);
    private static readonly ReminderFacts Clean = new(null, HasFailedPayment: false, HasOrderSince: false);

    private static Channel ChannelWithReminders()
    {
        var channel = new Channel("web", "Web shop", "EUR");
        channel.EnableReminders(Activation);
        return channel;
    }

    private static Cart AbandonedCart(string? email = "ann@example.com", decimal price = 10m, DateTime? abandonedAt = null, string? customer = null)
    {
        var at = abandonedAt ?? Now;
        var cart = new Cart(1, "c-1", new CartSnapshot(customer, email, "EUR", [new LineInput("S", "Cup", 1, price)], CheckoutStep.None), at.AddHours(-2), at.AddHours(-2));
        cart.MarkAbandoned(at, TimeSpan.FromHours(1));
        return cart;
    }

    // Channel ids are 0 until saved; the carts above use channel 1, so give the channel the same id.
    private static Channel Channel(Channel channel)
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(channel, 1L);
        return channel;
    }

    [Fact]
    public void AnAbandonedCartWithAnEmailAndAPricedLineIsEligible()
    {
        var decision = ReminderEligibility.Evaluate(AbandonedCart(), Channel(ChannelWithReminders()), Clean);

        decision.IsEligible.ShouldBeTrue();
        decision.Recipient.ShouldBe("ann@example.com");
    }

    [Fact]
    public void NotEligibleWhenTheChannelHasRemindersOff()
    {
        var channel = Channel(ChannelWithReminders());
        channel.DisableReminders();

        ReminderEligibility.Evaluate(AbandonedCart(), channel, Clean).Reason.ShouldBe("Abandoned-cart e-mails are off for this channel.");
    }

    [Fact]
    public void NotEligibleWithoutARealEmail()
    {
        var cart = AbandonedCart(email: "guest@shop.example", customer: "cust-1");

        ReminderEligibility.Evaluate(cart, Channel(ChannelWithReminders()), Clean).Reason.ShouldBe("The cart has no customer e-mail address.");
    }

    [Fact]
    public void TheCustomersAddressIsUsedWhenTheCartHasNone()
    {
        var cart = AbandonedCart(email: null, customer: "cust-1");

        var decision = ReminderEligibility.Evaluate(cart, Channel(ChannelWithReminders()), Clean with { CustomerEmail = "bob@example.com" });

        decision.Recipient.ShouldBe("bob@example.com");
    }

    [Fact]
    public void NotEligibleWhenEveryLineIsFree()
    {
        ReminderEligibility.Evaluate(AbandonedCart(price: 0m), Channel(ChannelWithReminders()), Clean).Reason.ShouldBe("The cart has no line with a price.");
    }

    [Fact]
    public void NotEligibleAfterAFailedPayment()
    {
        ReminderEligibility.Evaluate(AbandonedCart(), Channel(ChannelWithReminders()), Clean with { HasFailedPayment = true })
            .Reason.ShouldBe("A payment for this cart failed.");
    }

    [Fact]
    public void NotEligibleWhenTheCustomerOrderedSince()
    {
        ReminderEligibility.Evaluate(AbandonedCart(), Channel(ChannelWithReminders()), Clean with { HasOrderSince = true })
            .Reason.ShouldBe("The customer has placed an order since.");
    }

    [Fact]
    public void NotEligibleWhenAbandonedBeforeRemindersWereSwitchedOn()
    {
        var cart = AbandonedCart(abandonedAt: Activation.AddMinutes(-1));

        ReminderEligibility.Evaluate(cart, Channel(ChannelWithReminders()), Clean)
            .Reason.ShouldBe("The cart was abandoned before reminders were switched on.");
    }

    [Fact]
    public void NotEligibleTwice()
    {
        var cart = AbandonedCart();
        cart.RecordReminderSent(Now);

        ReminderEligibility.Evaluate(cart, Channel(ChannelWithReminders()), Clean).Reason.ShouldBe("A reminder was already sent for this cart.");
    }

    [Fact]
    public void NotEligibleWhenTheCartIsOpenAgain()
    {
        var cart = new Cart(1, "c-2", new CartSnapshot(null, "ann@example.com", "EUR", [new LineInput("S", "Cup", 1, 5m)], CheckoutStep.None), Now, Now);

        ReminderEligibility.Evaluate(cart, Channel(ChannelWithReminders()), Clean).Reason.ShouldBe("The cart is not abandoned.");
    }

    [Fact]
    public void AManagerMaySendBeforeActivationButNotForAPurchasedCart()
    {
        var early = AbandonedCart(abandonedAt: Activation.AddDays(-3));
        ReminderEligibility.EvaluateManual(early, Clean).IsEligible.ShouldBeTrue();

        var bought = AbandonedCart();
        bought.MarkPurchased(7);
        ReminderEligibility.EvaluateManual(bought, Clean).Reason.ShouldBe("The cart was already purchased.");
    }

    [Fact]
    public void SwitchingRemindersOnAgainKeepsTheFirstActivationOnlyWhileOn()
    {
        var channel = ChannelWithReminders();
        channel.EnableReminders(Now);
        channel.RemindersEnabledAt.ShouldBe(Activation);

        channel.DisableReminders();
        channel.EnableReminders(Now);
        channel.RemindersEnabledAt.ShouldBe(Now);
    }
}
