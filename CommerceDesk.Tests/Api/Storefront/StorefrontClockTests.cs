using System.Net;
using CommerceDesk.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>
/// A storefront time more than a day ahead of the app's clock is refused: stored, it would outrank every later push.
/// The app's clock is a fake one here, so "ahead" is measured against the app's own TimeProvider.
/// </summary>
public abstract class StorefrontClockTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : StorefrontClockTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : StorefrontClockTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private HttpClient Client()
    {
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now))));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", CommerceDeskFactory.ApiKey);
        return client;
    }

    [Theory]
    [InlineData("carts", "updatedAt")]
    [InlineData("customers", "updatedAt")]
    [InlineData("orders", "updatedAt")]
    [InlineData("orders", "placedAt")]
    public async Task ATimeMoreThanADayAheadIsRefusedAndNothingIsStored(string resource, string field)
    {
        var body = resource switch { "carts" => Cart(), "customers" => Customer(), _ => Order() };
        body[field] = Now.AddHours(25).ToString("O");
        var id = NewId("ahead");

        var response = await Client().PutAsync(resource, id, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe([field]);
        await using var db = factory.CreateDbContext();
        (await db.Carts.AnyAsync(c => c.ExternalId == id) || await db.Customers.AnyAsync(c => c.ExternalId == id)
            || await db.Orders.AnyAsync(o => o.ExternalId == id)).ShouldBeFalse();
    }

    [Fact]
    public async Task AStorefrontClockUpToADayAheadIsAcceptedAndALaterPushStillApplies()
    {
        var client = Client();
        var id = NewId("ahead");
        var cart = Cart();
        cart["updatedAt"] = Now.AddHours(23).ToString("O");

        (await client.PutAsync("carts", id, cart)).StatusCode.ShouldBe(HttpStatusCode.Created);
        cart["updatedAt"] = Now.AddHours(23).AddMinutes(1).ToString("O");
        cart["checkoutStep"] = "payment";
        var update = await client.PutAsync("carts", id, cart);

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await update.JsonAsync();
        body["applied"]!.GetValue<bool>().ShouldBeTrue();
        body["checkoutStep"]!.GetValue<string>().ShouldBe("payment");
    }
}
