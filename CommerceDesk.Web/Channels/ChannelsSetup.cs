using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceDesk.Web.Channels;

public static class ChannelsSetup
{
    /// <summary>The channel settings page's storefront and API key handling.</summary>
    public static IServiceCollection AddStorefrontChannels(this IServiceCollection services)
    {
        // The page evicts revoked keys from the same resolver the API reads, so both must share one instance.
        services.AddMemoryCache();
        services.TryAddSingleton(ChannelKeyResolver.FromServices);
        services.AddTransient<StorefrontChannels>();
        services.AddTransient<ChannelStaffEmailSettings>();
        return services;
    }
}
