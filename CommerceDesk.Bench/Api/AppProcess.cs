using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommerceDesk.Bench.Api;

/// <summary>The real web app in its own process on a loopback port, on the benchmark's database.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>CPU time the app has used so far: per-request CPU is a figure that a busy shared machine distorts less than wall time.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the app on <paramref name="database"/>; <paramref name="settings"/> are extra environment settings (<c>Section__Key</c>).</summary>
    public static async Task<AppProcess> StartAsync(BenchDatabase database, params (string Name, string Value)[] settings)
    {
        var port = FreePort();
        var webDll = Path.Combine(AppContext.BaseDirectory, "CommerceDesk.Web.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{webDll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = RepositoryRoot.Find("CommerceDesk.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Development gives channel `web` its documented key; no demo data; logging as in production.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DemoShop__Seed"] = "false";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // A web node: the sweep's own cost is measured on its own, not mixed into request throughput.
        start.Environment["Jobs__RunServer"] = "false";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (name, value) in settings) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(300);
        }
        await app.DisposeAsync();
        throw new InvalidOperationException("The web app did not become healthy.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

internal static class RepositoryRoot
{
    public static string Find(string child = "")
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommerceDesk.sln"))) folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("CommerceDesk.sln not found."), child);
    }
}
