using System.Net;
using System.Net.Sockets;

namespace CommerceDesk.Tests.Support;

/// <summary>A loopback port free at the moment of asking, for the servers the tests start (SMTP sink, PostgreSQL).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
