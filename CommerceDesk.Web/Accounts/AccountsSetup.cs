using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Accounts.Relating;
using CommerceDesk.Web.Accounts.Settings;
using CommerceDesk.Web.Accounts.Values;
using CommerceDesk.Web.Infrastructure;
using Hangfire;

namespace CommerceDesk.Web.Accounts;

public static class AccountsSetup
{
    /// <summary>Accounts: relating customers by the strategy, lifetime values kept in the order's save, the admin settings.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountRelator>();
        services.AddSingleton<AccountTotals>();
        services.AddTransient<AccountRelationJob>();
        services.AddSingleton<AccountRelationRuns>();
        services.AddSingleton<AccountSettingsEditor>();
        services.AddSingleton<CustomerAccounts>();
        services.AddSingleton<Customers.Editing.SaveCustomer>();
        services.AddSingleton<Opportunities.CreateOpportunity>();
        services.AddScoped<IStartupSeeder, RelateCustomersWithoutAccountOnStart>();
        services.AddDomainEventHandler<OrderPlaced, RecomputeAccountValue>();
        services.AddDomainEventHandler<OrderConfirmed, RecomputeAccountValue>();
        services.AddDomainEventHandler<OrderCancelled, RecomputeAccountValue>();
        services.AddDomainEventHandler<OrderRefunded, RecomputeAccountValue>();
        services.AddDomainEventHandler<OrderCreditMemoIssued, RecomputeAccountValue>();
        return services;
    }

    /// <summary>Every minute the job resumes a pass a stopped node left unfinished; it returns at once when there is none.</summary>
    public static void UseAccountJobs(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<AccountRelationJob>("account-relation", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
