using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;

namespace CommerceDesk.Domain.Orders;

/// <summary>Orders created in the back office rather than pushed by a storefront.</summary>
public sealed partial class Order
{
    /// <summary>The payment method of a quotation: the customer pays offline once they accept it.</summary>
    public static readonly PaymentMethod QuotationPayment = new("quotation", PaymentKind.Offline);

    private Order(long channelId, string externalId, OrderSnapshot snapshot, DateTime now, bool _)
        : base(channelId, externalId, now)
    {
        CommercialState = CommercialState.QuotationSent;
        IssueTrackingToken();
        Apply(snapshot, now);
    }

    /// <summary>
    /// A manager converts a cart into an order: the cart's lines at the cart's prices, sent to the customer
    /// as a quotation (Odoo's "Quotation sent"). One per cart: the external id is derived from the cart.
    /// </summary>
    public static Order QuotationFromCart(Cart cart, Customer? customer, DateTime now)
    {
        if (cart.Id <= 0) throw new InvalidOperationException("Save the cart before converting it.");
        if (cart.Items.Count == 0) throw new DomainException("The cart has no items to put on an order.");
        if (cart.Status == CartStatus.Purchased) throw new DomainException("An order was already placed from this cart.");

        var email = cart.HasContactEmail ? cart.Email : customer?.Email;
        var lines = cart.Items.Select(i => new LineInput(i.Sku, i.Name, i.Quantity, i.UnitPrice)).ToList();
        var snapshot = new OrderSnapshot($"Q-{cart.Id}", cart.ExternalId, cart.CustomerExternalId, email, cart.Currency,
            lines, QuotationPayment, PaymentStatus.Pending, now);
        var order = new Order(cart.ChannelId, $"quotation-cart-{cart.Id}", snapshot, now, true)
        {
            CartId = cart.Id,
            CustomerId = cart.CustomerId ?? customer?.Id,
        };
        // No event: the quotation's e-mail and the cart's purchase are part of the manager's transition itself.
        return order;
    }
}
