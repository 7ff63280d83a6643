using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Infrastructure;
using CommerceDesk.Web.Seeding;
using Microsoft.EntityFrameworkCore;
using CartFlow = CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;
using OrderFlow = CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Web.Workflows;

/// <summary>
/// Development demo: puts some seeded carts and orders through their workflows (calls, e-mails, abandon,
/// opportunities, feedback) so the pages and grids show every step. Lost carts get the call and the
/// abandon that a manager would have made. Runs once: nothing happens once the demo manager has moved any item.
/// </summary>
internal sealed class WorkflowDemoSeeder(
    IDbContextFactory<CommerceDbContext> factory, DemoShopOptions options, WorkflowRegistry registry, TimeProvider time,
    ILogger<WorkflowDemoSeeder> logger) : IStartupSeeder
{
    private static readonly Actor DemoManager = new("demo-seed", "Morgan (demo manager)");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Seed) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Purchased demo carts have items already (their purchase converted them), so only the demo's own count.
        if (await db.WorkflowItems.AnyAsync(i => i.LastTransitionBy == DemoManager.Name, cancellationToken)) return;
        var now = time.GetUtcNow().UtcDateTime;
        var random = new Random(20261122);

        var carts = await db.Carts.Where(c => c.Status == CartStatus.Lost || c.Status == CartStatus.Abandoned)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var cart in carts)
        {
            var customer = cart.CustomerId is { } id ? await db.Customers.FindAsync([id], cancellationToken) : null;
            var subject = WorkflowSubject.For(cart, customer);
            string[] script = cart.Status == CartStatus.Lost ? [CartFlow.Transitions.LogCall, CartFlow.Transitions.Abandon]
                : random.Next(10) switch
                {
                    0 or 1 => [CartFlow.Transitions.LogCall],
                    2 => [CartFlow.Transitions.SendEmail],
                    3 => [CartFlow.Transitions.ConvertToOpportunity],
                    _ => [],
                };
            if (script.Length == 0) continue;
            var item = WorkflowItem.Start(registry.For(WorkflowSubjectType.Cart), subject, now);
            if (Run(db, new WorkflowMachine(registry.For(WorkflowSubjectType.Cart), item, subject), subject, script, now)) moved++;
        }

        var orders = await db.Orders.OrderBy(o => o.Id).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            string[] script = random.Next(10) switch
            {
                0 => [OrderFlow.Transitions.SendEmail],
                1 => [OrderFlow.Transitions.LogCall],
                2 => [OrderFlow.Transitions.SendEmail, OrderFlow.Transitions.LogCall, OrderFlow.Transitions.RecordFeedback],
                3 => [OrderFlow.Transitions.LogCall, OrderFlow.Transitions.NoReply],
                _ => [],
            };
            if (script.Length == 0) continue;
            var customer = order.CustomerId is { } id ? await db.Customers.FindAsync([id], cancellationToken) : null;
            var subject = WorkflowSubject.For(order, customer);
            var item = WorkflowItem.Start(registry.For(WorkflowSubjectType.Order), subject, now);
            if (Run(db, new WorkflowMachine(registry.For(WorkflowSubjectType.Order), item, subject), subject, script, now)) moved++;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo workflows seeded: {Records} carts and orders moved", moved);
    }

    private static bool Run(CommerceDbContext db, WorkflowMachine machine, WorkflowSubject subject, string[] script, DateTime now)
    {
        var item = default(WorkflowItem);
        foreach (var (transition, i) in script.Select((t, i) => (t, i)))
        {
            var at = now.AddMinutes(-10 * (script.Length - i));
            var form = machine.Definition.FindTransition(transition)!.Form.Prefill(subject, at);
            foreach (var (field, value) in DemoValues(transition)) form[field] = value;
            try
            {
                var applied = machine.Fire(transition, form, DemoManager, at);
                item = applied.Item;
                db.Activities.AddRange(applied.Activities);
                if (applied.CreatedOpportunity is { } opportunity) db.Opportunities.Add(opportunity);
            }
            catch (DomainException)
            {
                break; // e.g. a guest without a phone number: the demo simply stops there.
            }
        }
        if (item is null || item.Transitions.Count == 0) return false;
        db.WorkflowItems.Add(item);
        return true;
    }

    private static IEnumerable<(string Field, string? Value)> DemoValues(string transition) => transition switch
    {
        CartFlow.Transitions.LogCall or OrderFlow.Transitions.LogCall => [("duration", "4"), ("notes", "Asked whether anything was unclear at checkout.")],
        CartFlow.Transitions.Abandon => [("confirm", "true"), ("note", "Bought elsewhere; not interested any more.")],
        OrderFlow.Transitions.RecordFeedback => [("rating", "4"), ("comments", "Quick delivery, packaging could be better.")],
        OrderFlow.Transitions.NoReply => [("note", "Answering machine; call back after six.")],
        _ => [],
    };
}
