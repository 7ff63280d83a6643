using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Crm.Settings;
using CommerceDesk.Web.Crm.Sync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CommerceDesk.Tests.Crm;

/// <summary>
/// The app for CRM tests: no job server (each test runs the sync job itself, so nothing syncs behind its back), a
/// clock the test moves, and any extra settings (the Salesforce connector's, for one).
/// </summary>
public class CrmFactory : CommerceDeskFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public Dictionary<string, string?> Settings { get; } = new() { ["Jobs:RunServer"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<CrmSyncRun> SyncAsync() => Get<CrmSyncJob>().RunAsync(CancellationToken.None);

    public async Task SaveSettingsAsync(CrmSettings settings)
    {
        var errors = await Get<CrmSettingsStore>().SaveAsync(settings, new Actor("admin-1", "Alex Admin"), CancellationToken.None);
        errors.ShouldBeEmpty();
    }
}

public sealed class PostgresCrmFactory : CrmFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
