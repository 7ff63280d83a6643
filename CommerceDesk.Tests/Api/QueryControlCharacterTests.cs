using System.Net;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Api;

/// <summary>
/// Back-office links carry filters in their query (a status, an assignee, a workflow step): a control character in one,
/// from a hand-edited or pasted link, gets the page as usual, never an error, on either database (PostgreSQL's text
/// cannot hold a NUL, so one must not reach a query).
/// </summary>
public abstract class QueryControlCharacterTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : QueryControlCharacterTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : QueryControlCharacterTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Theory]
    [InlineData("/orders?status=%00")]
    [InlineData("/orders?status=Incoming%00")]
    [InlineData("/orders?assignee=%00")]
    [InlineData("/carts?status=%00")]
    [InlineData("/settings/workflows?workflow=%00&step=%00")]
    [InlineData("/export/orders.csv?status=%00&channelId=%00&sortBy=%00")]
    [InlineData("/export/opportunities.csv?stage=%00&owner=%00")]
    [InlineData("/account/login?ReturnUrl=%2Fcustomers%3Fq%3D%2500")]
    public async Task AControlCharacterInALinksQueryGetsThePage(string path)
    {
        var admin = await factory.SignedInAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword);

        var response = await admin.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
