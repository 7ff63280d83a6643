using CommerceDesk.Web.Crm.Settings;
using CommerceDesk.Data;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>A record loaded for its workflow: the subject, and its item (a fresh, unsaved one if none was saved yet).</summary>
internal sealed record LoadedWorkflow(WorkflowDefinition Definition, WorkflowSubject Subject, WorkflowItem Item, bool IsNew)
{
    public WorkflowMachine Machine() => new(Definition, Item, Subject);

    /// <summary>
    /// Items are created lazily: a record without one is at the step its row shows (see <see cref="WorkflowItem.Start"/>).
    /// Creating one per record on every storefront push would cost a write the back office may never need.
    /// </summary>
    public static async Task<LoadedWorkflow?> LoadAsync(
        CommerceDbContext db, WorkflowRegistry registry, WorkflowTarget target, DateTime now, CancellationToken ct)
    {
        var definition = registry.For(target.Type);
        WorkflowSubject subject;
        if (target.Type == WorkflowSubjectType.Cart)
        {
            var cart = await db.Carts.SingleOrDefaultAsync(c => c.Id == target.Id, ct);
            if (cart is null) return null;
            var customer = cart.CustomerId is { } cid ? await db.Customers.FindAsync([cid], ct) : null;
            // "Convert to opportunity" follows the CRM's cart settings, as the sync does.
            subject = WorkflowSubject.For(cart, customer, await CrmSettingsStore.ReadAsync(db, ct));
        }
        else
        {
            var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == target.Id, ct);
            if (order is null) return null;
            var customer = order.CustomerId is { } cid ? await db.Customers.FindAsync([cid], ct) : null;
            subject = WorkflowSubject.For(order, customer);
        }

        var item = await ItemQuery(db, definition, target).SingleOrDefaultAsync(ct);
        return item is not null
            ? new LoadedWorkflow(definition, subject, item, IsNew: false)
            : new LoadedWorkflow(definition, subject, WorkflowItem.Start(definition, subject, now), IsNew: true);
    }

    public static IQueryable<WorkflowItem> ItemQuery(CommerceDbContext db, WorkflowDefinition definition, WorkflowTarget target) =>
        target.Type == WorkflowSubjectType.Cart
            ? db.WorkflowItems.Where(i => i.CartId == target.Id && i.WorkflowName == definition.Name)
            : db.WorkflowItems.Where(i => i.OrderId == target.Id && i.WorkflowName == definition.Name);
}
