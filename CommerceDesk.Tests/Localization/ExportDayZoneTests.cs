using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Localization;

/// <summary>The CSV export reads the day filter in the zone its link names, and its times stay UTC.</summary>
public abstract class ExportDayZoneTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ExportDayZoneTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ExportDayZoneTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Fact]
    public async Task TheExportFiltersTheManagersDaysAndWritesUtcTimes()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.OrderAsync(web, "TZ-LATE", null, new DateTime(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc), email: "late@shop.test");
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var inBerlin = await manager.GetStringAsync("/export/orders.csv?from=2026-11-23&to=2026-11-23&tz=Europe%2FBerlin");
        var inUtc = await manager.GetStringAsync("/export/orders.csv?from=2026-11-23&to=2026-11-23");
        var unknownZone = await manager.GetStringAsync("/export/orders.csv?from=2026-11-23&to=2026-11-23&tz=..%2Fetc%2Fpasswd");

        inBerlin.ShouldContain("TZ-LATE");
        inBerlin.ShouldContain("2026-11-22T23:30:00Z");
        inBerlin.ShouldContain("Placed (UTC)");
        inUtc.ShouldNotContain("TZ-LATE");
        unknownZone.ShouldNotContain("TZ-LATE");
    }
}
