using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// The storefront placed an order from a cart: its Abandoned Shopping Cart workflow moves to Converted by
/// itself. Runs on the caller's context, where the cart is marked purchased, so both are saved together in
/// the caller's transaction (a domain-event handler would need a second connection inside that transaction,
/// which SQLite serializes behind it).
/// </summary>
public static class CartPurchaseWorkflow
{
    public static async Task MoveToConvertedAsync(CommerceDbContext db, Cart cart, DateTime now, CancellationToken ct)
    {
        var definition = AbandonedShoppingCartWorkflow.Definition;
        var subject = WorkflowSubject.For(cart);
        var item = db.WorkflowItems.Local.FirstOrDefault(i => i.CartId == cart.Id && i.WorkflowName == definition.Name)
            ?? await db.WorkflowItems.SingleOrDefaultAsync(i => i.CartId == cart.Id && i.WorkflowName == definition.Name, ct);
        if (item is null)
        {
            item = WorkflowItem.Start(definition, subject, now);
            db.WorkflowItems.Add(item);
        }

        var machine = new WorkflowMachine(definition, item, subject);
        // Already Converted (a manager converted it, or a duplicate push): nothing to do.
        if (!machine.CanFire(AbandonedShoppingCartWorkflow.Transitions.Purchased)) return;
        machine.Fire(AbandonedShoppingCartWorkflow.Transitions.Purchased, new Dictionary<string, string?>(), Actor.System, now);
        if (db.Entry(item).State == EntityState.Unchanged) db.Entry(item).State = EntityState.Modified;
    }
}
