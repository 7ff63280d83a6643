using System.Diagnostics;
using System.Net;
using CommerceDesk.Tests.Browser;
using CommerceDesk.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CommerceDesk.Tests.Startup;

/// <summary>Runs the app exactly as the README says (`dotnet run --project CommerceDesk.Web`) and asks it for /health.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class ReadmeRunTests
{
    [Fact]
    public async Task DotnetRunServesHealthOnPort5000AndSeedsTheDemoShopOnce()
    {
        var database = TestDatabase.NewPath();
        try
        {
            var firstCounts = await RunAndCountAsync(database);
            firstCounts.Customers.ShouldBeGreaterThanOrEqualTo(200);
            firstCounts.Carts.ShouldBeGreaterThan(firstCounts.Customers);
            firstCounts.Orders.ShouldBeGreaterThan(0);

            // A restart migrates nothing new and seeds nothing twice.
            (await RunAndCountAsync(database)).ShouldBe(firstCounts);
        }
        finally
        {
            TestDatabase.Delete(database);
        }
    }

    private static async Task<(long Customers, long Carts, long Orders)> RunAndCountAsync(string database)
    {
        await EnsurePortIsFreeAsync();
        var start = new ProcessStartInfo("dotnet", "run --project CommerceDesk.Web")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Only the database file is changed, so the developer's own App_Data is left alone.
        start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        using var app = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        app.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (true)
            {
                app.HasExited.ShouldBeFalse($"the app exited:\n{output}");
                try
                {
                    var response = await http.GetAsync("http://localhost:5000/health");
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, output.ToString());
                    break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(500);
                }
            }
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return (await Count("Customers"), await Count("Carts"), await Count("Orders"));
    }

    private static async Task EnsurePortIsFreeAsync()
    {
        using var probe = new System.Net.Sockets.TcpClient();
        var inUse = await probe.ConnectAsync("localhost", 5000).WaitAsync(TimeSpan.FromSeconds(2))
            .ContinueWith(t => t.IsCompletedSuccessfully);
        inUse.ShouldBeFalse("something else already listens on localhost:5000; stop it before running this test");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommerceDesk.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("CommerceDesk.sln not found above the test folder.");
    }
}
