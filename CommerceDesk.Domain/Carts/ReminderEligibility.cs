using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Carts;

/// <summary>What the sweep knows about a cart beyond the cart itself, read from orders and the customer.</summary>
/// <param name="CustomerEmail">The linked customer's address, used when the cart carries none.</param>
/// <param name="HasFailedPayment">An order from this cart has a failed payment.</param>
/// <param name="HasOrderSince">The customer placed an order after the cart's last activity.</param>
public sealed record ReminderFacts(string? CustomerEmail, bool HasFailedPayment, bool HasOrderSince);

/// <summary>The verdict on one cart: whom to e-mail, or why not.</summary>
public sealed record ReminderDecision(string? Recipient, string? Reason)
{
    public bool IsEligible => Recipient is not null;

    public static ReminderDecision Send(string recipient) => new(recipient, null);

    public static ReminderDecision Skip(string reason) => new(null, reason);
}

/// <summary>
/// Odoo's cart-recovery rules (DESIGN §6): one reminder per abandoned cart, only to a real address, only for
/// carts worth recovering, and never for carts that were already abandoned when reminders were switched on.
/// </summary>
public static class ReminderEligibility
{
    /// <summary>Whether the automatic sweep e-mails this abandoned cart.</summary>
    public static ReminderDecision Evaluate(Cart cart, Channel channel, ReminderFacts facts)
    {
        if (cart.ChannelId != channel.Id) throw new ArgumentException("The cart belongs to another channel.", nameof(channel));
        if (!channel.RemindersEnabled || channel.RemindersEnabledAt is null)
            return ReminderDecision.Skip("Abandoned-cart e-mails are off for this channel.");
        if (cart.Status != CartStatus.Abandoned || cart.AbandonedAt is null)
            return ReminderDecision.Skip("The cart is not abandoned.");
        if (cart.AbandonedAt < channel.RemindersEnabledAt)
            return ReminderDecision.Skip("The cart was abandoned before reminders were switched on.");
        return Common(cart, facts);
    }

    /// <summary>
    /// Whether a manager may send the reminder by hand: the channel switch and the abandonment timing are the
    /// manager's call, the rest (a real address, something to buy, not yet reminded, not bought) still holds.
    /// </summary>
    public static ReminderDecision EvaluateManual(Cart cart, ReminderFacts facts)
    {
        if (cart.Status == CartStatus.Purchased) return ReminderDecision.Skip("The cart was already purchased.");
        return Common(cart, facts);
    }

    /// <summary>The cart's own address, else its customer's; placeholders of guest checkouts do not count.</summary>
    public static string? RecipientOf(Cart cart, string? customerEmail) =>
        cart.HasContactEmail ? cart.Email
        : !EmailAddress.IsPlaceholder(customerEmail) && EmailAddress.IsValid(customerEmail) ? customerEmail
        : null;

    private static ReminderDecision Common(Cart cart, ReminderFacts facts)
    {
        if (cart.ReminderSentAt is not null) return ReminderDecision.Skip("A reminder was already sent for this cart.");
        if (RecipientOf(cart, facts.CustomerEmail) is not { } recipient)
            return ReminderDecision.Skip("The cart has no customer e-mail address.");
        if (!cart.Items.Any(i => i.UnitPrice > 0))
            return ReminderDecision.Skip("The cart has no line with a price.");
        if (facts.HasFailedPayment)
            return ReminderDecision.Skip("A payment for this cart failed.");
        if (facts.HasOrderSince)
            return ReminderDecision.Skip("The customer has placed an order since.");
        return ReminderDecision.Send(recipient);
    }
}
