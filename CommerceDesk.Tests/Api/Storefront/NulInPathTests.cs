using System.Net.Sockets;
using System.Text;
using CommerceDesk.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>
/// Kestrel refuses a path that decodes to NUL (<c>%00</c>) while reading the request line, before any app code runs,
/// and that answer cannot be given a body (aspnet/KestrelHttpServer#2947). What the app can promise: a 400, never a
/// 500, and nothing stored. Sent over a raw socket because HttpClient and the test host refuse such a URL themselves.
/// </summary>
// SQLite only: Kestrel refuses the request before the app (and its database) is reached.
public sealed class NulInPathTests : IDisposable
{
    private readonly CommerceDeskFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("PUT")]
    [InlineData("GET")]
    public async Task AnEncodedNulInThePathIsABadRequestAndStoresNothing(string method)
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        var body = method == "PUT" ? StorefrontPayloads.Cart().ToJsonString() : "";

        var status = await SendAsync(address, $"{method} /api/v1/channels/web/carts/a%00b HTTP/1.1\r\nHost: shop\r\n" +
            $"X-Api-Key: {CommerceDeskFactory.ApiKey}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n" +
            $"Connection: close\r\n\r\n{body}");

        status.ShouldBe("HTTP/1.1 400 Bad Request");
        await using var db = _factory.CreateDbContext();
        (await db.Carts.CountAsync()).ShouldBe(0);
    }

    private static async Task<string> SendAsync(Uri address, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        return (await new StreamReader(stream).ReadLineAsync())!;
    }
}
