using CommerceDesk.Data;
using CommerceDesk.Data.Identity;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Assignment;
using CommerceDesk.Web.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Webhooks;

/// <summary>What an admin sets on /settings/channels and /settings/teams: clear refusals that change nothing, a secret never given back.</summary>
public abstract class ChannelDispatchSettingsTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ChannelDispatchSettingsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ChannelDispatchSettingsTests(DatabaseProvider.Postgres);

    private string _path = "";
    private long _channelId;

    public async Task InitializeAsync()
    {
        _path = await TestDatabase.CreateAsync(provider);
        await using var db = TestDatabase.Open(_path);
        db.Users.Add(new ApplicationUser { Id = "u-ann", UserName = "ann@shop.test", Email = "ann@shop.test", DisplayName = "Ann" });
        db.Users.Add(new ApplicationUser { Id = "u-ben", UserName = "ben@shop.test", Email = "ben@shop.test", DisplayName = "Ben", DisabledAt = DateTime.UtcNow });
        var channel = new Channel("web", "Web shop", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        _channelId = channel.Id;
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    private ChannelWebhookSettings Webhooks() => new(TestDatabase.Factory(_path));

    private async Task<Channel> ChannelAsync()
    {
        await using var db = TestDatabase.Open(_path);
        return await db.Channels.AsNoTracking().SingleAsync(c => c.Id == _channelId);
    }

    [Fact]
    public async Task TheSecretIsKeptForSigningButOnlyItsPresenceIsShown()
    {
        (await Webhooks().SaveAsync(_channelId, "https://shop.example.com/hooks", "a-long-shared-secret-0123")).ShouldBeNull();

        var view = await Webhooks().LoadAsync(_channelId);
        view.ShouldBe(new ChannelWebhookView("https://shop.example.com/hooks", HasSecret: true));
        (await ChannelAsync()).StatusWebhookSecret.ShouldBe("a-long-shared-secret-0123");

        // A new URL without a new secret keeps the stored one.
        (await Webhooks().SaveAsync(_channelId, "https://shop.example.com/hooks/v2", null)).ShouldBeNull();
        var channel = await ChannelAsync();
        (channel.StatusWebhookUrl, channel.StatusWebhookSecret).ShouldBe(("https://shop.example.com/hooks/v2", "a-long-shared-secret-0123"));
    }

    [Theory]
    [InlineData("not a url", "a-long-shared-secret-0123", "is not a web address")]
    [InlineData("ftp://shop.example.com/hooks", "a-long-shared-secret-0123", "is not a web address")]
    [InlineData("https://shop.example.com/hooks", "short", "at least 16 characters")]
    [InlineData("https://shop.example.com/hooks", null, "Enter a secret")]
    public async Task ABadUrlOrSecretIsRefusedAndChangesNothing(string url, string? secret, string reason)
    {
        (await Webhooks().SaveAsync(_channelId, url, secret))!.ShouldContain(reason);

        var channel = await ChannelAsync();
        channel.StatusWebhookUrl.ShouldBeNull();
        channel.StatusWebhookSecret.ShouldBeNull();
    }

    [Fact]
    public async Task AnEmptyUrlRemovesTheWebhookAndItsSecret()
    {
        await Webhooks().SaveAsync(_channelId, "https://shop.example.com/hooks", "a-long-shared-secret-0123");

        (await Webhooks().SaveAsync(_channelId, "  ", null)).ShouldBeNull();

        (await Webhooks().LoadAsync(_channelId)).ShouldBe(new ChannelWebhookView(null, HasSecret: false));
    }

    [Fact]
    public async Task TeamsRefuseADuplicateNameAndAssignmentRefusesADisabledSalesperson()
    {
        var teams = new SalesTeamSettings(TestDatabase.Factory(_path));
        (await teams.CreateAsync("Web sales", ["u-ann"])).ShouldBeNull();
        (await teams.CreateAsync(" Web sales ", ["u-ann"]))!.ShouldContain("exists already");
        (await teams.CreateAsync("Phone", ["u-nobody"]))!.ShouldContain("no longer exists");
        (await teams.ListAsync()).ShouldHaveSingleItem().MemberIds.ShouldBe(["u-ann"]);

        var assignment = new ChannelAssignmentSettings(TestDatabase.Factory(_path));
        (await assignment.SaveAsync(_channelId, new ChannelAssignment(AssignmentTarget.Salesperson, null, "u-ben")))!.ShouldContain("disabled");
        (await assignment.SaveAsync(_channelId, new ChannelAssignment(AssignmentTarget.Team, null, null)))!.ShouldContain("Choose the team");
        (await assignment.LoadAsync(_channelId)).ShouldBe(new ChannelAssignment(AssignmentTarget.Nobody, null, null));
    }
}
