using System.Net;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

public abstract class ConcurrentUpsertTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ConcurrentUpsertTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ConcurrentUpsertTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Fact]
    public async Task EightParallelCreatesOfTheSameCartGiveOneRowAndNoServerError()
    {
        var id = NewId("cart");
        var clients = Enumerable.Range(0, 8).Select(_ => factory.CreateStorefrontClient()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PutAsync("carts", id, Cart(version: 1, quantity: 3))));

        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        await using var db = factory.CreateDbContext();
        (await db.Carts.CountAsync(c => c.ExternalId == id)).ShouldBe(1);
        (await db.Carts.SingleAsync(c => c.ExternalId == id)).Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TwentyFourParallelVersionsOfTheSameCustomerEndInTheNewest()
    {
        var id = NewId("cus");
        var client = factory.CreateStorefrontClient();

        var responses = await Task.WhenAll(Enumerable.Range(1, 24)
            .Select(v => client.PutAsync("customers", id, Customer(version: v, email: $"v{v}@example.com"))));

        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        var body = await (await client.GetRecordAsync("customers", id)).JsonAsync();
        body["email"]!.GetValue<string>().ShouldBe("v24@example.com");
        await using var db = factory.CreateDbContext();
        (await db.Customers.CountAsync(c => c.ExternalId == id)).ShouldBe(1);
    }
}
