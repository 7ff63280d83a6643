using System.Net;
using CommerceDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api;

/// <summary>
/// The app on a real Kestrel port: Kestrel refuses response headers with non-ASCII characters, which the in-memory
/// test server lets through.
/// </summary>
public sealed class KestrelAppFactory : CommerceDeskFactory, IAsyncLifetime
{
    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public HttpClient CreateKestrelClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
}

// SQLite only: what is checked is Kestrel's header encoding, which no database takes part in.
public sealed class ReturnUrlOverKestrelTests(KestrelAppFactory factory) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task SignInReturnsToAPageWhoseAddressHasNonAsciiCharacters()
    {
        using var client = factory.CreateKestrelClient();

        var response = await client.PostSignInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/customers?q=Müller");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(factory.BaseAddress, response.Headers.Location!);
        (location.Authority, location.PathAndQuery).ShouldBe((factory.BaseAddress.Authority, "/customers?q=M%C3%BCller"));
        var page = await client.GetAsync(location);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
