using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Web.Assignment;

public static class AssignmentSetup
{
    /// <summary>Sales teams, the automatic assignment of new e-commerce orders, and "Assign to…".</summary>
    public static IServiceCollection AddAssignment(this IServiceCollection services)
    {
        services.AddDomainEventHandler<OrderPlaced, AssignNewOrder>();
        services.AddSingleton<SalesTeamSettings>();
        services.AddSingleton<AssignOrders>();
        services.AddSingleton<ChannelAssignmentSettings>();
        return services;
    }

    /// <summary>Development only, registered after the users' seeder: the demo team needs the demo users.</summary>
    public static IServiceCollection AddDemoSalesTeam(this IServiceCollection services, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) services.AddScoped<Infrastructure.IStartupSeeder, DemoSalesTeamSeeder>();
        return services;
    }
}
