using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Crm.Connectors;
using CommerceDesk.Web.Crm.Settings;
using CommerceDesk.Web.Crm.Stages;
using CommerceDesk.Web.Crm.Queue;
using CommerceDesk.Web.Crm.Sync;
using CommerceDesk.Web.Infrastructure;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Crm;

public static class CrmSetup
{
    /// <summary>CRM settings, stages, the sync queue's handlers and job, and the connector <c>Crm:Connector</c> names.</summary>
    private const string SalesforceClient = "salesforce";

    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrmOptions>().Bind(configuration.GetSection(CrmOptions.Section))
            .Validate(o => o.Connector != CrmConnectorKind.Salesforce || Uri.TryCreate(o.Salesforce.LoginUrl, UriKind.Absolute, out _),
                "Crm:Salesforce:LoginUrl must be an absolute URL such as https://login.salesforce.com.")
            .ValidateOnStart();
        services.AddSingleton<CrmSettingsStore>();
        services.AddScoped<IStartupSeeder, OpportunityStageSeeder>();
        services.AddScoped<IStartupSeeder, CrmDemoSeeder>();
        services.AddSingleton<QueueCartForCrm>();
        services.AddDomainEventHandler<OrderStatusChanged, QueueOrderForCrm>();
        services.AddDomainEventHandler<OrderConfirmed, QueueOrderForCrm>();
        services.AddDomainEventHandler<OrderShipped, QueueOrderForCrm>();
        services.AddDomainEventHandler<OrderInvoiced, QueueOrderForCrm>();
        services.AddDomainEventHandler<OrderCreditMemoIssued, QueueOrderForCrm>();

        services.AddHttpClient(SalesforceClient, ConfigureSalesforceClient);
        services.AddSingleton(sp => new SalesforceSession(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SalesforceClient), sp.GetRequiredService<IOptions<CrmOptions>>()));
        services.AddTransient(sp => new SalesforceConnector(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SalesforceClient), sp.GetRequiredService<SalesforceSession>(),
            sp.GetRequiredService<IOptions<CrmOptions>>(), sp.GetRequiredService<ILogger<SalesforceConnector>>()));
        services.AddSingleton<BuiltInConnector>();
        services.AddTransient<ICrmConnector>(sp => sp.GetRequiredService<IOptions<CrmOptions>>().Value.Connector == CrmConnectorKind.Salesforce
            ? sp.GetRequiredService<SalesforceConnector>()
            : sp.GetRequiredService<BuiltInConnector>());
        services.AddTransient<CrmSyncJob>();
        services.AddTransient<ManualCrmSync>();
        services.AddTransient<CrmQueueQueries>();
        services.AddSingleton<CrmLinks>();
        services.AddTransient<Opportunities.OpportunityEditor>();
        return services;
    }

    private static void ConfigureSalesforceClient(IServiceProvider sp, HttpClient client) =>
        client.Timeout = TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<CrmOptions>>().Value.Salesforce.TimeoutSeconds));

    /// <summary>Every minute; safe to overlap with itself and to run on several nodes (compare-and-swap claims).</summary>
    public static void UseCrmJobs(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<CrmSyncJob>("crm-sync", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
