using CommerceDesk.Data;
using CommerceDesk.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Workflows;

/// <summary>A cart or an order, by id: what workflow handlers and components are pointed at.</summary>
public sealed record WorkflowTarget(WorkflowSubjectType Type, long Id)
{
    public static WorkflowTarget Cart(long id) => new(WorkflowSubjectType.Cart, id);

    public static WorkflowTarget Order(long id) => new(WorkflowSubjectType.Order, id);

    public string Noun => Type == WorkflowSubjectType.Cart ? "cart" : "order";
}

/// <summary>A record loaded for its workflow: the subject, and its item (a fresh, unsaved one at the start step if none was saved yet).</summary>
internal sealed record LoadedWorkflow(WorkflowDefinition Definition, WorkflowSubject Subject, WorkflowItem Item, bool IsNew)
{
    public WorkflowMachine Machine() => new(Definition, Item, Subject);

    /// <summary>
    /// Items are created lazily: a record without one is at the start step. Creating one per record on
    /// every storefront push would cost a write the back office may never need.
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
            subject = WorkflowSubject.For(cart, customer);
        }
        else
        {
            var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == target.Id, ct);
            if (order is null) return null;
            var customer = order.CustomerId is { } cid ? await db.Customers.FindAsync([cid], ct) : null;
            subject = WorkflowSubject.For(order, customer);
        }

        var item = await ItemQuery(db, definition, target).SingleOrDefaultAsync(ct);
        if (item is not null) return new LoadedWorkflow(definition, subject, item, IsNew: false);

        var fresh = new LoadedWorkflow(definition, subject, WorkflowItem.Start(definition, subject, now), IsNew: true);
        // A cart purchased before anyone opened its workflow (seeded, or pushed before workflows existed) is Converted.
        if (subject.Cart?.Status == Domain.Carts.CartStatus.Purchased)
            fresh.Machine().Fire(AbandonedShoppingCartWorkflow.Transitions.Purchased, new Dictionary<string, string?>(), Domain.Common.Actor.System, now);
        return fresh;
    }

    public static IQueryable<WorkflowItem> ItemQuery(CommerceDbContext db, WorkflowDefinition definition, WorkflowTarget target) =>
        target.Type == WorkflowSubjectType.Cart
            ? db.WorkflowItems.Where(i => i.CartId == target.Id && i.WorkflowName == definition.Name)
            : db.WorkflowItems.Where(i => i.OrderId == target.Id && i.WorkflowName == definition.Name);
}
