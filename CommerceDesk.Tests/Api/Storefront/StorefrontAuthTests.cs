using CommerceDesk.Data;
using System.Net;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Support;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>A second channel <c>outlet</c> with an active and a revoked key, beside the seeded <c>web</c>.</summary>
public class StorefrontAuthFixture : CommerceDeskFactory
{
    public const string OutletKey = "outlet-storefront-key-0001";
    public const string RevokedWebKey = "web-revoked-storefront-key-01";

    public StorefrontAuthFixture()
    {
        using var db = CreateDbContext();
        var now = DateTime.UtcNow;
        var outlet = new Channel("outlet", "Outlet shop", "EUR");
        outlet.AddApiKey(OutletKey, "Outlet", now);
        db.Channels.Add(outlet);
        var web = db.Channels.Single(c => c.Code == "web");
        db.Entry(web).Collection(c => c.ApiKeys).Load();
        web.AddApiKey(RevokedWebKey, "Old key", now).Revoke(now);
        db.SaveChanges();
    }
}

/// <summary>The same channels and keys on PostgreSQL.</summary>
public sealed class PostgresStorefrontAuthFixture : StorefrontAuthFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public abstract class StorefrontAuthTests(StorefrontAuthFixture factory)
{
    public sealed class OnSqlite(StorefrontAuthFixture factory) : StorefrontAuthTests(factory), IClassFixture<StorefrontAuthFixture>;

    public sealed class OnPostgres(PostgresStorefrontAuthFixture factory) : StorefrontAuthTests(factory), IClassFixture<PostgresStorefrontAuthFixture>;

    [Theory]
    [InlineData("customers")]
    [InlineData("carts")]
    [InlineData("orders")]
    public async Task MissingKeyIsUnauthorized(string resource)
    {
        var response = await factory.CreateClient().GetRecordAsync(resource, "any");

        await ShouldBeProblem(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("X-Api-Key");
    }

    [Fact]
    public async Task WrongKeyIsUnauthorizedAndWritesNothing()
    {
        var response = await factory.CreateStorefrontClient("not-the-right-key-at-all").PutAsync("customers", "c-wrong-key", Customer());

        await ShouldBeProblem(response, HttpStatusCode.Unauthorized);
        await using var db = factory.CreateDbContext();
        db.Customers.Any(c => c.ExternalId == "c-wrong-key").ShouldBeFalse();
    }

    [Fact]
    public async Task RevokedKeyIsUnauthorized()
    {
        var response = await factory.CreateStorefrontClient(StorefrontAuthFixture.RevokedWebKey).PutAsync("carts", "c-revoked", Cart());

        await ShouldBeProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task KeyOfAnotherChannelIsForbidden()
    {
        var response = await factory.CreateStorefrontClient(StorefrontAuthFixture.OutletKey).PutAsync("orders", "o-other", Order());

        await ShouldBeProblem(response, HttpStatusCode.Forbidden);
        await using var db = factory.CreateDbContext();
        db.Orders.Any(o => o.ExternalId == "o-other").ShouldBeFalse();
    }

    [Fact]
    public async Task UnknownChannelIsNotFoundForAnAuthenticatedCaller()
    {
        var response = await factory.CreateStorefrontClient().PutAsync("carts", "c-1", Cart(), channel: "nowhere");

        await ShouldBeProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownChannelIsUnauthorizedWithoutAKeySoChannelsStayHidden()
    {
        var unknown = await factory.CreateClient().GetRecordAsync("carts", "c-1", channel: "nowhere");
        var known = await factory.CreateClient().GetRecordAsync("carts", "c-1", channel: "outlet");

        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        known.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (unknownProblem, knownProblem) = (await unknown.JsonAsync(), await known.JsonAsync());
        unknownProblem.Remove("traceId");
        knownProblem.Remove("traceId");
        unknownProblem.ToJsonString().ShouldBe(knownProblem.ToJsonString());
    }

    [Fact]
    public async Task EachChannelKeepsItsOwnRecordsUnderTheSameExternalId()
    {
        var web = await factory.CreateStorefrontClient().PutAsync("customers", "shared-id", Customer(email: "web@example.com"));
        var outlet = await factory.CreateStorefrontClient(StorefrontAuthFixture.OutletKey)
            .PutAsync("customers", "shared-id", Customer(email: "outlet@example.com"), channel: "outlet");

        web.StatusCode.ShouldBe(HttpStatusCode.Created);
        outlet.StatusCode.ShouldBe(HttpStatusCode.Created);
        var read = await (await factory.CreateStorefrontClient().GetRecordAsync("customers", "shared-id")).JsonAsync();
        read["email"]!.GetValue<string>().ShouldBe("web@example.com");
    }

    private static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync())["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
