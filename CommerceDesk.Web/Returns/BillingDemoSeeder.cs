using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Orders.Billing;
using CommerceDesk.Domain.Returns;
using CommerceDesk.Web.Infrastructure;
using CommerceDesk.Web.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Returns;

/// <summary>
/// Development only, after the demo shop and its statuses: a few demo orders delivered, invoiced, credited and refunded,
/// and return requests waiting for a decision, so the order page and the returns list show what they do. Fixed choices
/// (the oldest paid orders), once per database; demo history sends no e-mails.
/// </summary>
internal sealed class BillingDemoSeeder(IDbContextFactory<CommerceDbContext> factory, IServiceProvider services, TimeProvider time, ILogger<BillingDemoSeeder> logger)
    : IStartupSeeder
{
    private static readonly Actor Manager = new("demo-manager", "Maria Manager");

    private static readonly string[] Reasons =
    [
        "The colour is not what the picture showed.",
        "Arrived damaged: the box was crushed.",
        "Ordered the wrong size by mistake.",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<DemoShopOptions>() is not { Seed: true }) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Invoices.AnyAsync(cancellationToken) || await db.ReturnRequests.AnyAsync(cancellationToken)) return;
        var paid = await db.Orders.Where(o => o.CommercialState == CommercialState.SalesOrder && o.Status == OrderStatuses.Incoming)
            .OrderBy(o => o.PlacedAt).Take(8).ToListAsync(cancellationToken);
        if (paid.Count < 8) return;
        var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(cancellationToken));
        var now = time.GetUtcNow().UtcDateTime;
        var invoiceSequence = 0;
        var memoSequence = 0;

        foreach (var order in paid)
        {
            db.OrderStatusHistory.Add(order.ChangeStatus(OrderStatuses.InProcess, rules, Manager, null, Later(order.PlacedAt, 2, now)));
            db.OrderStatusHistory.Add(order.ChangeStatus(OrderStatuses.Delivered, rules, Manager, null, Later(order.PlacedAt, 48, now)));
            var invoiceDate = Later(order.PlacedAt, 3, now);
            var (invoice, entry) = order.RecordInvoice(DocumentNumber.Invoice(invoiceDate.Year, ++invoiceSequence), invoiceDate, order.Uninvoiced, Manager, invoiceDate);
            db.Invoices.Add(invoice);
            db.OrderBillingHistory.Add(entry);
        }
        // History, not news: no customer or staff e-mails, no stock or CRM work for demo data.
        foreach (var order in paid) order.ClearDomainEvents();
        await db.SaveChangesAsync(cancellationToken); // invoices need their ids for the credit memo

        // One order had a goodwill credit, one was refunded in full after its return was accepted.
        var credited = paid[0];
        var creditedInvoice = db.Invoices.Local.Single(i => i.OrderId == credited.Id);
        var (memo, memoEntry) = credited.IssueCreditMemo(creditedInvoice, DocumentNumber.CreditMemo(now.Year, ++memoSequence),
            decimal.Round(creditedInvoice.Amount / 10m, 2), "Goodwill: the parcel arrived three days late.", Manager, Later(credited.PlacedAt, 72, now));
        db.CreditMemos.Add(memo);
        db.OrderBillingHistory.Add(memoEntry);

        var refunded = paid[1];
        var returned = ReturnRequest.Create(refunded, [new ReturnPick(1, refunded.Lines[0].Quantity)], Reasons[1], Later(refunded.PlacedAt, 60, now));
        db.OrderStatusHistory.Add(returned.Accept(refunded, rules, Manager, Later(refunded.PlacedAt, 62, now))!);
        var (change, refundEntry) = refunded.Refund("Items came back unused.", rules, Manager, Later(refunded.PlacedAt, 90, now));
        db.OrderStatusHistory.Add(change);
        db.OrderBillingHistory.Add(refundEntry);
        db.ReturnRequests.Add(returned);

        var refused = ReturnRequest.Create(paid[2], [new ReturnPick(1, 1)], Reasons[0], Later(paid[2].PlacedAt, 80, now));
        refused.Refuse("Opened items of this kind cannot be returned; see our return conditions.", Manager, Later(paid[2].PlacedAt, 82, now));
        db.ReturnRequests.Add(refused);

        // Waiting for a manager: two requests, one of them for part of a line.
        for (var i = 3; i <= 4; i++)
        {
            var line = paid[i].Lines[0];
            db.ReturnRequests.Add(ReturnRequest.Create(paid[i], [new ReturnPick(line.Position, Math.Max(1, line.Quantity - 1))],
                Reasons[i - 2], Later(paid[i].PlacedAt, 70 + i, now)));
        }

        foreach (var order in paid) order.ClearDomainEvents();
        foreach (var request in db.ReturnRequests.Local) request.ClearDomainEvents();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo billing seeded: {Invoices} invoices, 1 credit memo, 1 refund, {Returns} return requests",
            invoiceSequence, db.ReturnRequests.Local.Count);
    }

    /// <summary><paramref name="hours"/> after <paramref name="from"/>, never ahead of now.</summary>
    private static DateTime Later(DateTime from, int hours, DateTime now) => from.AddHours(hours) < now ? from.AddHours(hours) : now;
}
