using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Reminders;

/// <summary>What the reminder rules need about a cart besides the cart, and the name to greet.</summary>
public sealed record CartReminderContext(ReminderFacts Facts, string? CustomerName);

/// <summary>Reads, for a batch of carts, their customers and the orders the rules look at, in a few indexed queries.</summary>
public static class ReminderFactsQuery
{
    public static async Task<Dictionary<long, CartReminderContext>> LoadAsync(
        CommerceDbContext db, IReadOnlyCollection<Cart> carts, CancellationToken cancellationToken)
    {
        var cartIds = carts.Select(c => c.Id).ToList();
        var customerIds = carts.Where(c => c.CustomerId is not null).Select(c => c.CustomerId!.Value).Distinct().ToList();

        // Empty lists skip their query: "WHERE 0" is cheap, but there is no reason to send it.
        var customers = customerIds.Count == 0 ? [] : await db.Customers.AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Email, c.FirstName, c.LastName })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        // The orders of these carts (a cart has one, or a few) by IX_Orders_CartId, their payment checked here: a
        // condition on the payment status would let SQLite walk every failed order instead.
        var failedPayments = (await db.Orders.AsNoTracking()
            .Where(o => o.CartId != null && cartIds.Contains(o.CartId.Value))
            .Select(o => new { CartId = o.CartId!.Value, o.PaymentStatus })
            .ToListAsync(cancellationToken))
            .Where(o => o.PaymentStatus == PaymentStatus.Failed).Select(o => o.CartId).ToHashSet();

        // The latest live order of each customer (by customer id, and by e-mail for guests), for "no order since".
        // Only orders after the batch's earliest activity can count, so only those are read: IX_Orders_Customer
        // (CustomerId, PlacedAt) seeks straight to them instead of visiting every order of every customer.
        var since = carts.Count == 0 ? DateTime.MaxValue : carts.Min(c => c.LastActivityAt);
        var latestByCustomer = customerIds.Count == 0 ? [] : await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId != null && customerIds.Contains(o.CustomerId.Value) && o.PlacedAt > since
                && o.PaymentStatus != PaymentStatus.Failed && o.CommercialState != CommercialState.Cancelled)
            .GroupBy(o => o.CustomerId!.Value)
            .Select(g => new { CustomerId = g.Key, PlacedAt = g.Max(o => o.PlacedAt) })
            .ToDictionaryAsync(x => x.CustomerId, x => x.PlacedAt, cancellationToken);
        var emails = carts.Select(c => c.Email).Concat(customers.Values.Select(c => c.Email))
            .OfType<string>().Distinct().ToList();
        var latestByEmail = emails.Count == 0 ? [] : await db.Orders.AsNoTracking()
            .Where(o => o.Email != null && emails.Contains(o.Email) && o.PlacedAt > since
                && o.PaymentStatus != PaymentStatus.Failed && o.CommercialState != CommercialState.Cancelled)
            .GroupBy(o => o.Email!)
            .Select(g => new { Email = g.Key, PlacedAt = g.Max(o => o.PlacedAt) })
            .ToDictionaryAsync(x => x.Email, x => x.PlacedAt, cancellationToken);

        var result = new Dictionary<long, CartReminderContext>();
        foreach (var cart in carts)
        {
            var customer = cart.CustomerId is { } id && customers.TryGetValue(id, out var c) ? c : null;
            var orderedSince =
                (cart.CustomerId is { } cid && latestByCustomer.TryGetValue(cid, out var byId) && byId > cart.LastActivityAt)
                || (cart.Email is { } e && latestByEmail.TryGetValue(e, out var byCartEmail) && byCartEmail > cart.LastActivityAt)
                || (customer?.Email is { } ce && latestByEmail.TryGetValue(ce, out var byCustomerEmail) && byCustomerEmail > cart.LastActivityAt);
            var name = customer is null ? null
                : string.Join(' ', new[] { customer.FirstName, customer.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            result[cart.Id] = new CartReminderContext(
                new ReminderFacts(customer?.Email, failedPayments.Contains(cart.Id), orderedSince),
                string.IsNullOrWhiteSpace(name) ? null : name);
        }
        return result;
    }
}
