using Bunit;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommerceDesk.Tests.Localization;

/// <summary>The one way a time reads on screen, the browser probe that picks the zone, and date fields typed in local time.</summary>
public sealed class LocalTimeComponentTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTime PlacedAt = new(2026, 11, 23, 10, 2, 0, DateTimeKind.Utc);

    public LocalTimeComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddDisplayTimeZone();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously only.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private DisplayTimeZone Zone => Services.GetRequiredService<DisplayTimeZone>();

    [Fact]
    public void ShowsTheManagersWallClockAndKeepsTheUtcInstantInTheMarkup()
    {
        Zone.Use("Europe/Berlin");

        var cut = Render<LocalTime>(p => p.Add(t => t.Value, PlacedAt));

        cut.MarkupMatches("""<time datetime="2026-11-23T10:02:00Z" title="2026-11-23 10:02 UTC" class="cd-nowrap">2026-11-23 11:02</time>""");
    }

    [Fact]
    public void ShowsTheEmptyTextWithoutATime()
    {
        Render<LocalTime>(p => p.Add(t => t.Value, null)).Markup.ShouldBe("—");
        Render<LocalTime>(p => p.Add(t => t.Value, null).Add(t => t.Empty, "Not sent")).Markup.ShouldBe("Not sent");
    }

    [Fact]
    public void WithoutAKnownZoneTheTimeIsUtc()
    {
        var cut = Render<LocalTime>(p => p.Add(t => t.Value, PlacedAt));

        cut.Find("time").TextContent.ShouldBe("2026-11-23 10:02");
    }

    [Fact]
    public void TheBrowsersZoneReachesTimesAlreadyOnScreen()
    {
        JSInterop.SetupModule("./Localization/BrowserTimeZone.razor.js").Setup<string>("remember").SetResult("America/New_York");
        var time = Render<LocalTime>(p => p.Add(t => t.Value, PlacedAt));
        time.Find("time").TextContent.ShouldBe("2026-11-23 10:02");

        var probe = Render<BrowserTimeZone>();

        probe.WaitForAssertion(() => probe.Find("[data-testid=display-time-zone]").TextContent.ShouldContain("America/New_York"));
        time.WaitForAssertion(() => time.Find("time").TextContent.ShouldBe("2026-11-23 05:02"));
        Zone.Name.ShouldBe("America/New_York");
    }

    [Fact]
    public void AnUnknownBrowserZoneKeepsUtcAndSaysSo()
    {
        JSInterop.SetupModule("./Localization/BrowserTimeZone.razor.js").Setup<string>("remember").SetResult("Not/AZone");
        Zone.Use("Europe/Berlin");

        var probe = Render<BrowserTimeZone>();

        probe.WaitForAssertion(() => probe.Find("[data-testid=display-time-zone]").TextContent.ShouldContain("UTC"));
        Zone.Name.ShouldBe("UTC");
        Zone.Zone.ShouldBe(TimeZoneInfo.Utc);
    }

    private static readonly FormSchema CallbackForm = new([new FormField("callbackAt", "Callback at", FormFieldType.DateTime) { Required = true }]);

    [Fact]
    public void ADateFieldIsLabelledWithTheZoneAndShowsTheStoredUtcAsLocalTime()
    {
        Zone.Use("Europe/Berlin");
        var values = new Dictionary<string, string?> { ["callbackAt"] = FormSchema.FormatDate(PlacedAt) };

        var cut = Render<TransitionFormFields>(p => p.Add(f => f.Form, CallbackForm).Add(f => f.Values, values));

        cut.Find("label").TextContent.ShouldContain("Callback at (Europe/Berlin)");
        cut.Find("input[data-field=callbackAt]").GetAttribute("value").ShouldBe("2026-11-23T11:02");
        cut.Find("input[data-field=callbackAt]").GetAttribute("type").ShouldBe("datetime-local");
    }

    [Fact]
    public void ALocalTimeTypedByTheManagerIsStoredAsUtcInTheUsualFormat()
    {
        Zone.Use("Europe/Berlin");
        var values = new Dictionary<string, string?> { ["callbackAt"] = null };
        var cut = Render<TransitionFormFields>(p => p.Add(f => f.Form, CallbackForm).Add(f => f.Values, values));

        cut.Find("input[data-field=callbackAt]").Change("2026-07-01T09:30");

        values["callbackAt"].ShouldBe("2026-07-01T07:30:00.0000000Z");
        CallbackForm.Validate(values).Date("callbackAt").ShouldBe(new DateTime(2026, 7, 1, 7, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void WithoutAKnownZoneTheDateFieldSaysUtcAndStoresWhatWasTyped()
    {
        var values = new Dictionary<string, string?> { ["callbackAt"] = null };
        var cut = Render<TransitionFormFields>(p => p.Add(f => f.Form, CallbackForm).Add(f => f.Values, values));

        cut.Find("label").TextContent.ShouldContain("Callback at (UTC)");
        cut.Find("input[data-field=callbackAt]").Change("2026-07-01T09:30");

        values["callbackAt"].ShouldBe("2026-07-01T09:30:00.0000000Z");
    }

    [Fact]
    public void UnreadableDateTextIsLeftForTheFormsValidationToReject()
    {
        var values = new Dictionary<string, string?> { ["callbackAt"] = null };
        var cut = Render<TransitionFormFields>(p => p.Add(f => f.Form, CallbackForm).Add(f => f.Values, values));

        cut.Find("input[data-field=callbackAt]").Change("next tuesday");

        values["callbackAt"].ShouldBe("next tuesday");
        Should.Throw<WorkflowFormException>(() => CallbackForm.Validate(values)).Errors["callbackAt"].ShouldBe("Callback at is not a valid date and time.");
    }
}
