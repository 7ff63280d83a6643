using System.Net;
using System.Text.RegularExpressions;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Api;

/// <summary>The public return form over HTTP: open without sign-in, and hand-made posts get an answer, never a 500.</summary>
public abstract partial class ReturnFormPostTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ReturnFormPostTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ReturnFormPostTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task<(HttpClient Client, string Token)> OpenFormAsync()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/returns");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Return items");
        html.ShouldNotContain("/account/login");
        return (client, Token().Match(html).Groups[1].Value);
    }

    [Theory]
    [InlineData("send", "Input.Lines[0].Position=1&Input.Lines[0].Quantity=abc")]
    [InlineData("send", "Input.Lines[0].Position=x")]
    [InlineData("send", "")]
    [InlineData("unknown", "Input.Reason=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task AHandMadePostGetsTheNeutralAnswerAndCreatesNothing(string step, string extra)
    {
        var (client, token) = await OpenFormAsync();
        var body = $"_handler=return-form&__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Step={step}"
            + $"&Input.OrderNumber=NOPE-{Guid.NewGuid():N}&Input.Email=a%40example.com" + (extra.Length > 0 ? "&" + extra : "");

        var response = await client.PostAsync("/returns", new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(html.Length, 2000)]);
        html.ShouldContain("We could not find an order with this number and e-mail address.");
        html.ShouldNotContain("<script>alert(1)</script>");
        await using var db = factory.CreateDbContext();
        (await db.ReturnRequests.CountAsync()).ShouldBe(0);
    }

    /// <summary>
    /// A NUL cannot be typed but can be posted; PostgreSQL's text cannot hold it, so it must never reach a query. The form
    /// reader refuses it, so the post is a plain 400 before the form runs (an OK would have to be the neutral answer).
    /// </summary>
    [Theory]
    [InlineData("find", "NOPE%00X", "a%40example.com")]
    [InlineData("find", "NOPE-1", "a%00b%40example.com")]
    [InlineData("send", "NOPE%00Y", "a%40example.com")]
    public async Task AControlCharacterInTheNumberOrEmailGetsTheNeutralAnswer(string step, string number, string email)
    {
        var (client, token) = await OpenFormAsync();
        var body = $"_handler=return-form&__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Step={step}"
            + $"&Input.OrderNumber={number}&Input.Email={email}&Input.Reason=Broken%00box&Input.Lines[0].Position=1&Input.Lines[0].Quantity=1";

        var response = await client.PostAsync("/returns", new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.BadRequest, HttpStatusCode.OK], html[..Math.Min(html.Length, 2000)]);
        if (response.StatusCode == HttpStatusCode.OK) html.ShouldContain("We could not find an order with this number and e-mail address.");
        await using var db = factory.CreateDbContext();
        (await db.ReturnRequests.CountAsync()).ShouldBe(0);
    }
}
