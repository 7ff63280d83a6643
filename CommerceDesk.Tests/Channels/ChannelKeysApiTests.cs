using System.Net;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Channels;
using Microsoft.Extensions.DependencyInjection;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Channels;

/// <summary>Keys issued and revoked on the settings page, used against the real storefront API of the same node.</summary>
public abstract class ChannelKeysApiTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ChannelKeysApiTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ChannelKeysApiTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private StorefrontChannels Channels => factory.Services.GetRequiredService<StorefrontChannels>();

    [Fact]
    public async Task AKeyIssuedForANewChannelOpensItsApiEvenIfTheCodeWasAskedForBefore()
    {
        // A storefront configured ahead of time calls before the channel exists: the API caches "no such channel".
        var early = await factory.CreateStorefrontClient().PutAsync("customers", "c-early", Customer(), channel: "outlet-early");
        early.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var created = await Channels.CreateAsync(new StorefrontChannels.ChannelDraft { Code = "outlet-early", Name = "Outlet" }, CancellationToken.None);
        var key = (await Channels.IssueKeyAsync(created.ChannelId!.Value, "Outlet production", CancellationToken.None)).PlainKey!;
        var response = await factory.CreateStorefrontClient(key).PutAsync("customers", "c-outlet-1", Customer(), channel: "outlet-early");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var read = await factory.CreateStorefrontClient(key).GetRecordAsync("customers", "c-outlet-1", channel: "outlet-early");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnceThoughTheApiHadJustCachedItAsValid()
    {
        var created = await Channels.CreateAsync(new StorefrontChannels.ChannelDraft { Code = "outlet-revoke", Name = "Outlet" }, CancellationToken.None);
        var channelId = created.ChannelId!.Value;
        var key = (await Channels.IssueKeyAsync(channelId, "Leaked key", CancellationToken.None)).PlainKey!;
        var client = factory.CreateStorefrontClient(key);
        (await client.PutAsync("customers", "c-before", Customer(), channel: "outlet-revoke")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetRecordAsync("customers", "c-before", channel: "outlet-revoke")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var keyId = (await Channels.ListAsync(CancellationToken.None)).Single(c => c.Id == channelId).Keys.Single().Id;
        (await Channels.RevokeKeyAsync(channelId, keyId, CancellationToken.None)).ShouldBeNull();

        var afterPut = await client.PutAsync("customers", "c-after", Customer(), channel: "outlet-revoke");
        var afterGet = await client.GetRecordAsync("customers", "c-before", channel: "outlet-revoke");
        afterPut.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        afterGet.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var db = factory.CreateDbContext();
        db.Customers.Any(c => c.ExternalId == "c-after").ShouldBeFalse();
    }

    [Fact]
    public async Task RevokingOneKeyLeavesTheChannelsOtherKeyWorking()
    {
        var channelId = (await Channels.CreateAsync(new StorefrontChannels.ChannelDraft { Code = "outlet-rotate", Name = "Outlet" }, CancellationToken.None)).ChannelId!.Value;
        var old = (await Channels.IssueKeyAsync(channelId, "Old", CancellationToken.None)).PlainKey!;
        var rotated = (await Channels.IssueKeyAsync(channelId, "New", CancellationToken.None)).PlainKey!;
        var oldId = (await Channels.ListAsync(CancellationToken.None)).Single(c => c.Id == channelId).Keys.Single(k => k.Label == "Old").Id;

        await Channels.RevokeKeyAsync(channelId, oldId, CancellationToken.None);

        (await factory.CreateStorefrontClient(old).PutAsync("carts", "cart-1", Cart(), channel: "outlet-rotate")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateStorefrontClient(rotated).PutAsync("carts", "cart-1", Cart(), channel: "outlet-rotate")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
