using CommerceDesk.Data;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Storefront.Customers;

internal static class CustomerEndpoints
{
    public static void MapCustomers(this RouteGroupBuilder group)
    {
        group.MapPut("/customers/{externalId}", PutAsync).DescribeUpsert<CustomerRequest, CustomerView>("PutCustomer", "customer");
        group.MapGet("/customers/{externalId}", GetAsync).DescribeGet<CustomerView>("GetCustomer", "customer", "its parent once received and its CRM account");
    }

    private static async Task<IResult> PutAsync(
        string channel, string externalId, HttpContext http, StorefrontWriter writer, UpsertCustomer upsert, TimeProvider time, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CustomerRequest>(http.Request, ct);
        if (request is null) return problem!;
        var errors = request.Validate(externalId, time.GetUtcNow());
        if (errors.Any) return StorefrontProblems.Validation(errors);

        var channelId = ApiKeyFilter.ChannelId(http);
        var (view, created) = await writer.WriteAsync(new StorefrontRecordKey(channel, "customer", externalId),
            (db, token) => upsert.RunAsync(db, channelId, externalId, request.ToDetails(), request.UpdatedAt!.Value.UtcDateTime, token), ct);
        return StorefrontResults.Upserted(http, view, created);
    }

    private static async Task<IResult> GetAsync(
        string channel, string externalId, HttpContext http, IDbContextFactory<CommerceDbContext> factory, CancellationToken ct)
    {
        var channelId = ApiKeyFilter.ChannelId(http);
        await using var db = await factory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ChannelId == channelId && c.ExternalId == externalId, ct);
        return customer is null ? StorefrontProblems.NotFound("customer", externalId) : Results.Ok(CustomerView.Of(customer));
    }
}
