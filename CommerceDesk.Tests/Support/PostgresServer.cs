using System.Diagnostics;
using CommerceDesk.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommerceDesk.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: <c>initdb</c> and <c>pg_ctl start</c> on a free loopback port
/// under a temp folder (as the <c>postgres</c> user when the tests run as root, since PostgreSQL refuses root), started
/// by the first test that asks and stopped and deleted when the test process exits, whatever the outcome. Each test
/// database is a copy of a template migrated once, so a fresh database costs a file copy, not a migration run.
/// test.sh also stops a cluster a killed test process left behind.
/// </summary>
public sealed class PostgresServer
{
    public const string FolderPrefix = "commercedesk-pg-";
    private const string Template = "commercedesk_template";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private readonly string _folder;
    private readonly string _bin;
    private readonly int _port;

    private PostgresServer(string folder, string bin, int port) => (_folder, _bin, _port) = (folder, bin, port);

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database,
        // Enough for a test that opens many contexts at once; the cluster allows max_connections in total.
        MaxPoolSize = 40,
    }.ConnectionString;

    /// <summary>A fresh database of its own, migrated unless <paramref name="migrated"/> is false; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var name = $"test_{Guid.NewGuid():N}";
        if (!migrated)
        {
            await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\"");
            return ConnectionString(name);
        }
        // CREATE DATABASE copies the template only while nobody else is connected to it: one copy at a time.
        await _creating.WaitAsync();
        try
        {
            await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\" TEMPLATE {Template}");
        }
        finally
        {
            _creating.Release();
        }
        return ConnectionString(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await InstanceAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        await server.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (IsRoot) Run("chown", "postgres:postgres", folder);
        var data = Path.Combine(folder, "data");
        RunAsPostgres(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var port = LoopbackPort.Free();
        // Durability does not matter for a throwaway cluster; speed does.
        RunAsPostgres(Path.Combine(bin, "pg_ctl"), "start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(folder, "server.log"), "-o",
            $"-p {port} -h 127.0.0.1 -k {folder} -F -c max_connections=500 -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB");
        var server = new PostgresServer(folder, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        server.WatchForExit();

        await server.ExecuteAsync("postgres", $"CREATE DATABASE {Template}");
        var template = new NpgsqlConnectionStringBuilder(server.ConnectionString(Template)) { Pooling = false }.ConnectionString;
        await using (var db = new PostgresCommerceDbContext(new DbContextOptionsBuilder<PostgresCommerceDbContext>().UseNpgsql(template).Options))
            await db.Database.MigrateAsync();
        return server;
    }

    private string StopCommand => $"{Path.Combine(_bin, "pg_ctl")} stop -m immediate -w -D {Path.Combine(_folder, "data")}";

    private void Stop() => RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "stop", "-m", "immediate", "-w", "-D", Path.Combine(_folder, "data"));

    /// <summary>
    /// A watcher in its own session outlives this process: once the process is gone (ended, failed or killed) it
    /// stops the server if it still runs and deletes the folder, which the test host is not given time to do.
    /// </summary>
    private void WatchForExit()
    {
        var stop = IsRoot ? $"runuser -u postgres -- {StopCommand}" : StopCommand;
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf '{_folder}'";
        var start = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        Process.Start(start)!.Dispose();
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest installed server's binaries (Debian keeps them off PATH), else whatever PATH has.</summary>
    private static string FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no initdb found); test.sh installs the postgresql package.");
    }


    private static void RunAsPostgres(string program, params string[] arguments)
    {
        if (IsRoot) Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        // pg_ctl leaves the server holding the output pipes: read until the command itself exits, not to end of stream.
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000) || process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {(error.IsCompleted ? error.Result : "")}");
    }
}
