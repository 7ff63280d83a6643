namespace CommerceDesk.Web.Localization;

public static class LocalizationSetup
{
    /// <summary>One display zone per circuit (and per prerender): scoped.</summary>
    public static IServiceCollection AddDisplayTimeZone(this IServiceCollection services) =>
        services.AddScoped<DisplayTimeZone>();
}
