using CommerceDesk.Web.Crm;
using Bunit;
using CommerceDesk.Data;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommerceDesk.Tests.Components;

/// <summary>
/// bUnit with MudBlazor's services (JS interop loose, popover provider check off, as MudBlazor's own tests do),
/// the app's UI store and its real data registration on a fresh, migrated SQLite file.
/// </summary>
public abstract class MudComponentContext : BunitContext, IAsyncLifetime
{
    private readonly string _path = TestDatabase.NewPath();

    protected MudComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddCommerceData(new DatabaseOptions { ConnectionString = $"Data Source={_path}" }, Path.GetTempPath());
        Services.AddBackOffice();
        Services.AddWorkflows();
        Services.AddCrm(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddDisplayTimeZone();
    }

    protected CommerceDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabase.Delete(_path);
    }
}
