using MudBlazor;

namespace CommerceDesk.Web.Components.Layout;

/// <summary>MudBlazor's theme with colours chosen for contrast (WCAG AA on white and on the app bar).</summary>
public static class BackOfficeTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00695c",
            AppbarBackground = "#283593",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f1f1f",
            DrawerIcon = "#3949ab",
            TextPrimary = "#1f1f1f",
            TextSecondary = "#595959",
            Success = "#2e7d32",
            Error = "#c62828",
            Warning = "#8a4b00",
            Info = "#01579b",
            ActionDefault = "#595959",
            LinesDefault = "#d0d0d0",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" },
    };
}
