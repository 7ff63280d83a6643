using System.Net;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Api;

public abstract class HealthTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : HealthTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : HealthTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Fact]
    public async Task HealthReportsTheDatabaseAndJobServer()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("\"database\":{\"status\":\"Healthy\"");
        body.ShouldContain($"{factory.Provider}: 1 channel(s)");
        body.ShouldContain("\"jobs\"");
    }

    [Fact]
    public async Task DevelopmentChannelIsSeededWithItsKeyHashed()
    {
        await using var db = factory.CreateDbContext();
        var key = db.ChannelApiKeys.Single();
        key.Hash.ShouldBe(CommerceDesk.Domain.Channels.ChannelApiKey.HashOf(CommerceDeskFactory.ApiKey));
        key.Hash.ShouldNotContain(CommerceDeskFactory.ApiKey);
    }
}
