using Microsoft.Extensions.Configuration.Json;

namespace CommerceDesk.Web.Infrastructure;

internal static class RootSettings
{
    /// <summary>
    /// The Development settings live at the repository root (the design card places them there), one folder
    /// above the web project's content root. They go right after the other JSON files, so environment
    /// variables and the command line still override them.
    /// </summary>
    public static void AddRootDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;
        var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "..", "appsettings.Development.json"));
        var source = new JsonConfigurationSource { Path = path, Optional = true };
        source.ResolveFileProvider();
        var sources = builder.Configuration.Sources;
        var lastJson = sources.ToList().FindLastIndex(s => s is JsonConfigurationSource);
        sources.Insert(lastJson + 1, source);
    }
}
