using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Localization;

namespace CommerceDesk.Tests.Localization;

/// <summary>UTC ↔ the manager's wall clock, around Berlin's 2026 clock changes (29 March and 25 October).</summary>
public sealed class DisplayTimeZoneTests
{
    private static DisplayTimeZone In(string? zone)
    {
        var display = new DisplayTimeZone();
        display.Use(zone);
        return display;
    }

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime Wall(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);

    [Fact]
    public void BerlinIsOneHourAheadInWinterAndTwoInSummer()
    {
        var berlin = In("Europe/Berlin");

        berlin.Format(Utc(11, 23, 10, 2)).ShouldBe("2026-11-23 11:02");
        berlin.Format(Utc(7, 1, 10)).ShouldBe("2026-07-01 12:00");
        berlin.Name.ShouldBe("Europe/Berlin");
    }

    [Fact]
    public void TheSpringForwardJumpsFromTwoToThreeOClockLocalTime()
    {
        var berlin = In("Europe/Berlin");

        berlin.ToLocal(Utc(3, 29, 0, 59)).ShouldBe(Wall(3, 29, 1, 59));
        berlin.ToLocal(Utc(3, 29, 1)).ShouldBe(Wall(3, 29, 3));
    }

    [Fact]
    public void ATypedTimeTheClocksSkipLandsJustAfterTheJump()
    {
        var berlin = In("Europe/Berlin");

        var utc = berlin.ToUtc(Wall(3, 29, 2, 30));

        utc.ShouldBe(Utc(3, 29, 1, 30));
        utc.Kind.ShouldBe(DateTimeKind.Utc);
        berlin.Format(utc).ShouldBe("2026-03-29 03:30");
    }

    [Fact]
    public void TheFallBackShowsTwoThirtyTwiceAndATypedTwoThirtyMeansTheFirst()
    {
        var berlin = In("Europe/Berlin");

        berlin.Format(Utc(10, 25, 0, 30)).ShouldBe("2026-10-25 02:30");
        berlin.Format(Utc(10, 25, 1, 30)).ShouldBe("2026-10-25 02:30");
        berlin.ToUtc(Wall(10, 25, 2, 30)).ShouldBe(Utc(10, 25, 0, 30));
    }

    [Fact]
    public void OrdinaryWallClockTimesRoundTripOnBothSidesOfTheChanges()
    {
        var berlin = In("Europe/Berlin");

        foreach (var utc in new[] { Utc(3, 29, 0, 59), Utc(3, 29, 1), Utc(10, 24, 23, 59), Utc(10, 25, 2), Utc(11, 23, 10, 2) })
            berlin.ToUtc(berlin.ToLocal(utc)).ShouldBe(utc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/Berlin; path=/")]
    [InlineData("undefined")]
    [InlineData("Etc/UTC")]
    [InlineData("UTC")]
    public void AnUnknownOrUtcZoneShowsUtcAndSaysSo(string? zone)
    {
        var display = In(zone);

        display.Name.ShouldBe("UTC");
        display.Zone.ShouldBe(TimeZoneInfo.Utc);
        display.Format(Utc(11, 23, 10, 2)).ShouldBe("2026-11-23 10:02");
        display.ToUtc(Wall(11, 23, 10, 2)).ShouldBe(Utc(11, 23, 10, 2));
    }

    [Fact]
    public void AnUnknownZoneAfterAKnownOneFallsBackToUtc()
    {
        var display = In("Europe/Berlin");

        display.Use("Nowhere/Special").ShouldBeTrue();

        display.Name.ShouldBe("UTC");
        display.Format(Utc(11, 23, 10, 2)).ShouldBe("2026-11-23 10:02");
    }

    [Fact]
    public void LearningTheSameZoneAgainRaisesNoChange()
    {
        var display = In("Europe/Berlin");
        var changes = 0;
        display.Changed += () => changes++;

        display.Use("Europe/Berlin").ShouldBeFalse();
        display.Use("America/New_York").ShouldBeTrue();

        changes.ShouldBe(1);
        display.Format(Utc(11, 23, 10, 2)).ShouldBe("2026-11-23 05:02");
    }

    [Fact]
    public void TimesReadBackUnspecifiedFromTheDatabaseCountAsUtc()
    {
        var berlin = In("Europe/Berlin");

        berlin.Format(new DateTime(2026, 11, 23, 10, 2, 0, DateTimeKind.Unspecified)).ShouldBe("2026-11-23 11:02");
        DisplayTimeZone.Iso(new DateTime(2026, 11, 23, 10, 2, 0, DateTimeKind.Unspecified)).ShouldBe("2026-11-23T10:02:00Z");
        DisplayTimeZone.FormatUtc(Utc(11, 23, 10, 2)).ShouldBe("2026-11-23 10:02 UTC");
    }

    [Fact]
    public void TheEndsOfTheCalendarDoNotOverflow()
    {
        var berlin = In("Europe/Berlin");

        berlin.ToUtc(DateTime.MinValue).ShouldBe(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));
        In("America/New_York").ToUtc(DateTime.MaxValue).ShouldBe(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));
    }

    [Fact]
    public void AManagersDayBeginsAtTheirMidnight()
    {
        var zone = In("Europe/Berlin").Zone;

        DayRange.StartOf(new DateOnly(2026, 11, 23), zone).ShouldBe(Utc(11, 22, 23));
        DayRange.StartOf(new DateOnly(2026, 7, 1), zone).ShouldBe(Utc(6, 30, 22));
        DayRange.EndOf(new DateOnly(2026, 3, 28), zone).ShouldBe(Utc(3, 28, 23));
        DayRange.EndOf(new DateOnly(2026, 3, 29), zone).ShouldBe(Utc(3, 29, 22));
        DayRange.StartOf(new DateOnly(2026, 11, 23)).ShouldBe(Utc(11, 23, 0));
    }
}
