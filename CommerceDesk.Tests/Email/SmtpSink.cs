using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CommerceDesk.Tests.Support;
using MimeKit;

namespace CommerceDesk.Tests.Email;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (python3-aiosmtpd, installed by test.sh) on a free loopback port,
/// storing what it receives in a Maildir. It can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? _server;

    public int Port { get; } = LoopbackPort.Free();
    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "commercedesk-tests", "maildir-" + Guid.NewGuid().ToString("N"));

    public async Task StartAsync()
    {
        if (_server is not null) return;
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
            start.ArgumentList.Add(arg);
        _server = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        // Readiness, not a timing assertion: wait until the port accepts connections (or the server died).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited with {_server.ExitCode}; is python3-aiosmtpd installed?");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("aiosmtpd did not open its port.");
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    /// <summary>Every message the server has stored.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var files = new[] { "new", "cur" }
            .Select(sub => Path.Combine(Maildir, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles);
        return files.Select(f => MimeMessage.Load(f)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Maildir)) Directory.Delete(Maildir, recursive: true);
    }
}
