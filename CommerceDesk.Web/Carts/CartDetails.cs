using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Web.Email.Reminders;
using CommerceDesk.Web.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Carts;

/// <summary>
/// What the cart page shows: the cart with its items, its customer and account, the order placed from it, and whether a
/// manager may send the reminder by hand (the rule the carts grid's mass action applies too).
/// </summary>
public sealed record CartDetails(Cart Cart, string ChannelName, RelatedCustomer? Customer, RelatedOrder? Order, ReminderDecision Reminder,
    RelatedOpportunity? Opportunity = null)
{
    public static async Task<CartDetails?> LoadAsync(CommerceDbContext db, long id, CancellationToken cancellationToken = default)
    {
        var cart = await db.Carts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cart is null) return null;
        var channel = await db.Channels.Where(c => c.Id == cart.ChannelId).Select(c => c.Name).SingleAsync(cancellationToken);
        var customer = cart.CustomerId is { } customerId ? await RelatedCustomer.LoadAsync(db, customerId, cancellationToken) : null;
        var order = cart.OrderId is { } orderId
            ? await db.Orders.Where(o => o.Id == orderId).Select(o => new RelatedOrder(o.Id, o.Number)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var opportunity = await db.Opportunities.Where(o => o.SourceCartId == cart.Id)
            .Select(o => new RelatedOpportunity(o.Id, o.Stage, o.CloseDate)).SingleOrDefaultAsync(cancellationToken);
        var facts = (await ReminderFactsQuery.LoadAsync(db, [cart], cancellationToken))[cart.Id].Facts;
        return new CartDetails(cart, channel, customer, order, ReminderEligibility.EvaluateManual(cart, facts), opportunity);
    }
}

public sealed record RelatedOrder(long Id, string Number);

/// <summary>The opportunity a manager made of the cart ("Convert to opportunity"), at most one.</summary>
public sealed record RelatedOpportunity(long Id, string Stage, DateTime CloseDate);
