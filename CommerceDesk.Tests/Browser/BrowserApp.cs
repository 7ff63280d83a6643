using System.Text.RegularExpressions;
using CommerceDesk.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>The real app on a free port (Kestrel in-process) with the demo shop on a fresh SQLite file.</summary>
public sealed class BrowserAppFactory : CommerceDeskFactory
{
    protected override bool SeedDemoShop => true;
}

/// <summary>
/// Tests that start a whole app (with a Chromium, or by `dotnet run`) run one class after another: two at once
/// on a shared 2-core machine starve each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WholeAppCollection
{
    public const string Name = "Whole app";
}

/// <summary>One app and one Debian Chromium for the browser tests of a class.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public BrowserAppFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);

        _playwright = await Playwright.CreateAsync();
        // Generous waits: CI machines are shared and slow at times. These are limits, not measurements.
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies), signed in through the real sign-in form; <paramref name="timezoneId"/>
    /// is the browser's IANA time zone (the machine's when null).
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email, string password, string path = "/", string? timezoneId = null)
    {
        var context = await NewContextAsync(timezoneId);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await ExpectPathAsync(page, "/account/login", query: true);
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"), UrlWait);
        await WaitForCircuitAsync(page);
        return page;
    }

    public async Task<IPage> AnonymousPageAsync() => await (await NewContextAsync()).NewPageAsync();

    private async Task<IBrowserContext> NewContextAsync(string? timezoneId = null)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = BaseUrl, TimezoneId = timezoneId });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>
    /// Waits until the page shows <paramref name="path"/> (followed by any query string when <paramref name="query"/>).
    /// A polling assertion, not <c>WaitForURLAsync</c>: that one compares the URL it knows, then starts listening for
    /// a navigation, and misses a client-side navigation (Blazor's pushState) reported in between; it then waits
    /// out its timeout on a page that is already at the URL.
    /// </summary>
    private static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 90_000 };

    public static Task ExpectPathAsync(IPage page, string path, bool query = false) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("^[a-z]+://[^/]+" + Regex.Escape(path) + (query ? @"(\?.*)?$" : "$")), UrlWait);

    /// <summary>Waits until the page's Blazor circuit is live, so clicks and typing reach the server.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Runs axe-core on the page and fails on any serious or critical violation, naming each one. Pass
    /// <paramref name="scanFrames"/> false for a page with a sandboxed iframe (no scripts): axe's Playwright
    /// runner would wait forever to inject itself there.
    /// </summary>
    public async Task AssertAccessibleAsync(IPage page, string name, bool scanFrames = true)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
        // Snackbars are left out: one fading in or out is half transparent, so its contrast would depend on the
        // moment axe happens to run, and a browser test would fail or pass by timing alone.
        var context = new AxeRunContext { Exclude = [new AxeSelector(".mud-snackbar")] };
        AxeResult result = await page.RunAxe(context, new AxeRunOptions { Iframes = scanFrames });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
