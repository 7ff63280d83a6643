using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// The one place a purchase moves a cart's Abandoned Shopping Cart workflow: to Converted, whoever placed the order
/// (the storefront, or a manager's convert-to-order, whose transition is already there). Starts the item if the
/// cart has none yet. Runs inside the save that marks the cart purchased, so both are written together or not at all.
/// </summary>
public sealed class ConvertCartWorkflowOnPurchase(TimeProvider time) : IDomainEventHandler<CartPurchased>
{
    public async Task HandleAsync(CartPurchased purchased, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var cart = purchased.Cart;
        var definition = AbandonedShoppingCartWorkflow.Definition;
        var subject = WorkflowSubject.For(cart);
        var now = time.GetUtcNow().UtcDateTime;
        var item = db.WorkflowItems.Local.FirstOrDefault(i => i.CartId == cart.Id && i.WorkflowName == definition.Name)
            ?? await db.WorkflowItems.SingleOrDefaultAsync(i => i.CartId == cart.Id && i.WorkflowName == definition.Name, cancellationToken);
        if (item is null)
        {
            item = WorkflowItem.Start(definition, subject, now);
            db.WorkflowItems.Add(item);
        }

        var machine = new WorkflowMachine(definition, item, subject);
        // Already Converted (by the manager's convert-to-order, or a repeated push): nothing to do.
        if (!machine.CanFire(AbandonedShoppingCartWorkflow.Transitions.Purchased)) return;
        machine.Fire(AbandonedShoppingCartWorkflow.Transitions.Purchased, new Dictionary<string, string?>(), Actor.System, now);
        // The firing may leave the row's columns as they were read; it must still be written so its version is checked.
        if (db.Entry(item).State == EntityState.Unchanged) db.Entry(item).State = EntityState.Modified;
    }
}
