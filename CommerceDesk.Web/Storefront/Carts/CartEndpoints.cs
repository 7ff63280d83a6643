using CommerceDesk.Data;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Storefront.Infrastructure;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Carts;

internal static class CartEndpoints
{
    public static void MapCarts(this RouteGroupBuilder group)
    {
        group.MapPut("/carts/{externalId}", PutAsync).DescribeUpsert<CartRequest, CartView>("PutCart", "cart", hasLines: true);
        group.MapGet("/carts/{externalId}", GetAsync).DescribeWorkedGet<CartView>("GetCart", "cart");
    }

    private static async Task<IResult> PutAsync(
        string channel, string externalId, HttpContext http, StorefrontWriter writer, UpsertCart upsert, TimeProvider time, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CartRequest>(http.Request, ct);
        if (request is null) return problem!;
        var (errors, snapshot) = request.Validate(externalId, time.GetUtcNow());
        if (errors.Any) return StorefrontProblems.Validation(errors);

        var channelId = ApiKeyFilter.ChannelId(http);
        var (view, created) = await writer.WriteAsync(new StorefrontRecordKey(channel, "cart", externalId),
            (db, token) => upsert.RunAsync(db, channelId, externalId, snapshot, request.UpdatedAt!.Value.UtcDateTime, token), ct);
        return StorefrontResults.Upserted(http, view, created);
    }

    private static async Task<IResult> GetAsync(
        string channel, string externalId, HttpContext http, IDbContextFactory<CommerceDbContext> factory,
        WorkflowRegistry workflows, TimeProvider time, CancellationToken ct)
    {
        var channelId = ApiKeyFilter.ChannelId(http);
        await using var db = await factory.CreateDbContextAsync(ct);
        var cart = await db.Carts.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == externalId, ct);
        if (cart is null) return StorefrontProblems.NotFound("cart", externalId);

        // The back-office view: where the managers' workflow stands and the opportunity made from the record.
        var workflow = await DescribeWorkflow.RunAsync(db, workflows, WorkflowTarget.Cart(cart.Id), time.GetUtcNow().UtcDateTime, ct);
        var opportunityId = await db.Opportunities.Where(o => o.SourceCartId == cart.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        return Results.Ok(CartView.Of(cart) with
        {
            Workflow = workflow is null ? null : new WorkflowView(workflow.Name, workflow.Step, workflow.AvailableTransitions),
            OpportunityId = opportunityId,
        });
    }
}
