using CommerceDesk.Web.Infrastructure;

namespace CommerceDesk.Web.Seeding;

internal static class SeedingSetup
{
    /// <summary>Outside Development nothing is seeded: no channel, no key, no demo data.</summary>
    public static IServiceCollection AddDevelopmentSeeding(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment()) return services;
        var options = configuration.GetSection(DemoShopOptions.Section).Get<DemoShopOptions>() ?? new DemoShopOptions();
        services.AddSingleton(options);
        services.AddScoped<IStartupSeeder, DevelopmentChannelSeeder>();
        services.AddScoped<IStartupSeeder, DemoShopSeeder>();
        services.AddScoped<IStartupSeeder, Workflows.WorkflowDemoSeeder>();
        return services;
    }
}
