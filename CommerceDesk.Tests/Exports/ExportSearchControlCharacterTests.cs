using System.Net;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Exports;

/// <summary>
/// A control character in an export's search (a pasted NUL, a line feed) must not break the download halfway: the
/// search ignores control characters, so the file is complete and holds what the same search without them finds.
/// </summary>
public abstract class ExportSearchControlCharacterTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ExportSearchControlCharacterTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ExportSearchControlCharacterTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    public static TheoryData<string, string> Searches() => new()
    {
        { "/export/orders.csv", "CTRL-1001" }, { "/export/carts.csv", "ctrl-cart" }, { "/export/customers.csv", "ctrl@shop.test" },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task AnExportSearchWithControlCharactersAnswersTheWholeFile(string path, string term)
    {
        await SeedOnceAsync();
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);
        var expected = await manager.GetStringAsync($"{path}?search={Uri.EscapeDataString(term)}");

        foreach (var broken in new[] { term + "\0", "\0" + term, term[..3] + "\u0001" + term[3..], term + "\n", "\u001B" + term, "\0" })
        {
            var response = await manager.GetAsync($"{path}?search={Uri.EscapeDataString(broken)}");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var csv = await response.Content.ReadAsStringAsync();
            if (broken.Trim('\0').Length > 0) csv.ShouldBe(expected, $"search {Uri.EscapeDataString(broken)}");
            else csv.ShouldStartWith(expected.Split('\n')[0]);
        }
        expected.ShouldContain(term, Case.Insensitive);
        expected.ShouldNotContain("other@shop.test");
    }

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    private async Task SeedOnceAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            await using var db = factory.CreateDbContext();
            if (db.Orders.Any(o => o.Number == "CTRL-1001")) return;
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "c-ctrl", "Carla", "Control", "ctrl@shop.test");
            await shop.OrderAsync(web, "CTRL-1001", customer, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
            await shop.OrderAsync(web, "OTHER-2002", null, new DateTime(2026, 11, 2, 11, 0, 0, DateTimeKind.Utc), email: "other@shop.test");
            await shop.CartAsync(web, "ctrl-cart", customer, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
        }
        finally
        {
            Seeding.Release();
        }
    }
}
