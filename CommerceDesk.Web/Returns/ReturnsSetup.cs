using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Returns;

namespace CommerceDesk.Web.Returns;

public static class ReturnsSetup
{
    /// <summary>The public return form with its limits, the managers' decisions and the customer's e-mail about them.</summary>
    public static IServiceCollection AddReturns(this IServiceCollection services)
    {
        services.AddOptions<ReturnFormOptions>().BindConfiguration(ReturnFormOptions.Section);
        services.AddSingleton<ReturnFormThrottle>();
        services.AddSingleton<ReturnForm>();
        services.AddSingleton<ReturnDecisions>();
        services.AddDomainEventHandler<ReturnRequestDecided, SendReturnDecision>();
        // After the demo shop and the order statuses (registered before this), and only when the demo shop is seeded.
        services.AddScoped<Infrastructure.IStartupSeeder, BillingDemoSeeder>();
        // Then the rest of the lifecycle from the paid orders the billing demo left (it picks first).
        services.AddScoped<Infrastructure.IStartupSeeder, Orders.Statuses.OrderStatusDemoSeeder>();
        return services;
    }
}
