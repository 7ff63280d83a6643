using CommerceDesk.Data;
using CommerceDesk.Web;
using CommerceDesk.Web.Assignment;
using CommerceDesk.Web.Accounts;
using CommerceDesk.Web.Channels;
using CommerceDesk.Web.Components;
using CommerceDesk.Web.Crm;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Fulfilment;
using CommerceDesk.Web.Identity;
using CommerceDesk.Web.Infrastructure;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Returns;
using CommerceDesk.Web.Seeding;
using CommerceDesk.Web.Storefront;
using CommerceDesk.Web.Webhooks;
using CommerceDesk.Web.Workflows;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootDevelopmentSettings();

var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCommerceData(database, builder.Environment.ContentRootPath);
builder.Services.AddJobs(database, builder.Configuration);
builder.Services.AddDevelopmentSeeding(builder.Configuration, builder.Environment);
builder.Services.AddWorkflows();
builder.Services.AddOrders();
builder.Services.AddFulfilment();
builder.Services.AddReturns();
builder.Services.AddAssignment();
builder.Services.AddStatusWebhooks();
builder.Services.AddCrm(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddEmail(builder.Configuration, builder.Environment);
builder.Services.AddProblemDetails();
builder.Services.AddStorefrontApi();
builder.Services.AddStorefrontChannels();
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("database")
    .AddCheck<JobServerHealthCheck>("jobs");

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddDisplayTimeZone();
builder.Services.AddBackOfficeIdentity(builder.Environment);
builder.Services.AddBackOffice();
builder.Services.AddDemoSalesTeam(builder.Environment);

var app = builder.Build();

app.UseSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePages();
app.UseBackOfficeStatusPages();
app.UseRouting(); // after the status pages, so their re-executed requests are routed again
app.UseRateLimiter(); // sign-in attempts per client address (SignInThrottle)
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapHealth().AllowAnonymous();
app.MapJobsDashboard();
app.MapStorefrontApi();
app.MapBackOfficeAccount();
app.MapBackOffice();
app.MapOrders();

if (await app.RunAdminCommandAsync(args)) return;
app.UseEmailJobs();
app.UseStatusWebhookJobs();
app.UseCrmJobs();
app.UseAccountJobs();

await app.MigrateAndSeedAsync();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
