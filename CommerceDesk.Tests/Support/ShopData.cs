using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Support;

/// <summary>Inserts a small shop through the domain constructors, one save per record, for grid and page tests.</summary>
public sealed class ShopData(CommerceDbContext db)
{
    public async Task<Channel> ChannelAsync(string code = "web", string name = "Web shop")
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Code == code);
        if (channel is not null) return channel;
        channel = new Channel(code, name, "EUR", "Europe/Berlin");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }

    public async Task<Customer> CustomerAsync(
        Channel channel, string externalId, string? firstName, string? lastName, string? email,
        bool isGuest = false, string? accountName = null, DateTime? at = null)
    {
        var now = at ?? Clock.Start;
        var customer = new Customer(channel.Id, externalId, new CustomerDetails(email, firstName, lastName, "+49 30 1234", null, isGuest, isGuest ? null : now), now, now);
        db.Customers.Add(customer);
        if (accountName is not null)
        {
            var account = new Account(accountName);
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            customer.AssignAccount(account.Id);
        }
        await db.SaveChangesAsync();
        return customer;
    }

    public async Task<Order> OrderAsync(
        Channel channel, string number, Customer? customer, DateTime placedAt, decimal unitPrice = 10m, int quantity = 1,
        PaymentStatus payment = PaymentStatus.Pending, string? email = null, bool cancelled = false, Cart? cart = null)
    {
        var snapshot = new OrderSnapshot(
            number, cart?.ExternalId, customer?.ExternalId, email ?? customer?.Email, "EUR",
            [new LineInput("SKU-" + number, "Mug " + number, quantity, unitPrice)],
            new PaymentMethod("card", PaymentKind.Online), payment, placedAt);
        var order = new Order(channel.Id, "ext-" + number, snapshot, placedAt, placedAt);
        if (customer is not null) order.LinkCustomer(customer.Id);
        if (cancelled) order.Cancel();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        if (cart is not null)
        {
            order.LinkCart(cart.Id);
            cart.MarkPurchased(order.Id);
            await db.SaveChangesAsync();
        }
        return order;
    }

    public async Task<Cart> CartAsync(
        Channel channel, string externalId, Customer? customer, DateTime lastActivity, decimal unitPrice = 10m, int quantity = 1,
        CheckoutStep step = CheckoutStep.None, string? email = null, bool abandoned = false)
    {
        var snapshot = new CartSnapshot(customer?.ExternalId, email ?? customer?.Email, "EUR",
            [new LineInput("SKU-" + externalId, "Lamp " + externalId, quantity, unitPrice)], step);
        var cart = new Cart(channel.Id, externalId, snapshot, lastActivity, lastActivity);
        if (customer is not null) cart.LinkCustomer(customer.Id);
        if (abandoned) cart.MarkAbandoned(lastActivity + TimeSpan.FromHours(2), TimeSpan.FromHours(1));
        db.Carts.Add(cart);
        await db.SaveChangesAsync();
        return cart;
    }
}
