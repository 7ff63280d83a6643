using CommerceDesk.Data;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Storefront.Infrastructure;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Orders;

internal static class OrderEndpoints
{
    public static void MapOrders(this RouteGroupBuilder group)
    {
        group.MapPut("/orders/{externalId}", PutAsync).DescribeUpsert<OrderRequest, OrderView>("PutOrder", "order", hasLines: true);
        group.MapGet("/orders/{externalId}", GetAsync).DescribeWorkedGet<OrderView>("GetOrder", "order");
    }

    private static async Task<IResult> PutAsync(
        string channel, string externalId, HttpContext http, StorefrontWriter writer, UpsertOrder upsert, TimeProvider time, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<OrderRequest>(http.Request, ct);
        if (request is null) return problem!;
        var (errors, snapshot) = request.Validate(externalId, time.GetUtcNow());
        if (snapshot is null) return StorefrontProblems.Validation(errors);

        var channelId = ApiKeyFilter.ChannelId(http);
        var (view, created) = await writer.WriteAsync(new StorefrontRecordKey(channel, "order", externalId),
            (db, token) => upsert.RunAsync(db, channelId, externalId, snapshot, request.UpdatedAt!.Value.UtcDateTime, token), ct);
        return StorefrontResults.Upserted(http, view, created);
    }

    private static async Task<IResult> GetAsync(
        string channel, string externalId, HttpContext http, IDbContextFactory<CommerceDbContext> factory,
        WorkflowRegistry workflows, TimeProvider time, CancellationToken ct)
    {
        var channelId = ApiKeyFilter.ChannelId(http);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking()
            .SingleOrDefaultAsync(o => o.ChannelId == channelId && o.ExternalId == externalId, ct);
        if (order is null) return StorefrontProblems.NotFound("order", externalId);

        // The back-office view: where the managers' workflow stands and the opportunity made from the record.
        var workflow = await DescribeWorkflow.RunAsync(db, workflows, WorkflowTarget.Order(order.Id), time.GetUtcNow().UtcDateTime, ct);
        var opportunityId = await db.Opportunities.Where(o => o.SourceOrderId == order.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.OrderId == order.Id).OrderBy(i => i.Id)
            .Select(i => new InvoiceView(i.Number, i.InvoiceDate, i.Amount, i.Currency, i.CreditedAmount, i.CreatedAt)).ToListAsync(ct);
        var creditMemos = await db.CreditMemos.AsNoTracking().Where(c => c.OrderId == order.Id).OrderBy(c => c.Id)
            .Select(c => new CreditMemoView(c.Number, c.InvoiceNumber, c.Amount, c.Currency, c.Reason, c.IssuedAt)).ToListAsync(ct);
        return Results.Ok(OrderView.Of(order) with
        {
            Workflow = workflow is null ? null : new WorkflowView(workflow.Name, workflow.Step, workflow.AvailableTransitions),
            OpportunityId = opportunityId,
            Invoices = invoices,
            CreditMemos = creditMemos,
            Refund = order is { RefundedAmount: { } amount, RefundedAt: { } at } ? new RefundView(amount, order.Currency, at, order.RefundReason) : null,
        });
    }
}
