using CommerceDesk.Data;
using CommerceDesk.Data.Conventions;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Data;

/// <summary>
/// The amount caps (<see cref="AmountLimits"/>) exist so no set of accepted records breaks a sum: the database adds
/// amounts up as 64-bit integers of ten-thousandths; SQLite answers an overflow with "integer overflow", PostgreSQL
/// with "bigint out of range" (or, summing bigints as numeric, a total EF cannot read back as a long).
/// </summary>
public abstract class LargestAmountsTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : LargestAmountsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : LargestAmountsTests(DatabaseProvider.Postgres);

    private static readonly DateTime Monday = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
    private string _path = "";

    public async Task InitializeAsync() => _path = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public void AMillionRecordsAtTheCapSumWithinA64BitCountOfTenThousandths()
    {
        var perRecord = (long)(AmountLimits.MaxTotal * MoneyAmountConverter.Scale);

        Should.NotThrow(() => checked(perRecord * AmountLimits.RecordsSummable));
        AmountLimits.MaxUnitPrice.ShouldBeLessThanOrEqualTo(AmountLimits.MaxTotal);
        ((long)AmountLimits.MaxQuantity * global::CommerceDesk.Domain.Orders.Order.MaxLines).ShouldBeLessThanOrEqualTo(int.MaxValue);
    }

    [Fact]
    public async Task TheDashboardCountsAndSumsManyOrdersAndCartsAtTheLargestAcceptedAmounts()
    {
        // A tenth of the guaranteed million keeps the test quick; the arithmetic above covers the rest of the way.
        const int records = AmountLimits.RecordsSummable / 10;
        await using (var db = Open())
        {
            var shop = new ShopData(db);
            var channel = await shop.ChannelAsync();
            // The largest accepted record: a line at the highest unit price whose total reaches the record cap.
            var quantity = (int)(AmountLimits.MaxTotal / AmountLimits.MaxUnitPrice);
            var order = await shop.OrderAsync(channel, "MAX", null, Monday, unitPrice: AmountLimits.MaxUnitPrice, quantity: quantity, email: "big@shop.test");
            var cart = await shop.CartAsync(channel, "max-cart", null, Monday, unitPrice: AmountLimits.MaxUnitPrice, quantity: quantity, email: "big@shop.test");
            order.Subtotal.Amount.ShouldBe(AmountLimits.MaxTotal);
            cart.Subtotal.Amount.ShouldBe(AmountLimits.MaxTotal);
            await CopyAsync(db, "Orders", order.Id, records - 1, ("ExternalId", "'ext-'"), ("Number", "'N-'"), ("TrackingToken", "'t-'"));
            await CopyAsync(db, "Carts", cart.Id, records - 1, ("ExternalId", "'cart-'"));
        }

        await using (var db = Open())
        {
            (await DashboardFigures.NewOrdersAsync(db)).ShouldBe(records);
            (await DashboardFigures.OpenCartsAsync(db)).ShouldBe(records);
            var revenue = await DashboardFigures.RevenueThisWeekAsync(db, Monday.AddDays(3), TimeZoneInfo.Utc);
            revenue.ShouldBe([new DailyRevenue(DateOnly.FromDateTime(Monday), "EUR", records * AmountLimits.MaxTotal)]);
            (await db.Carts.SumAsync(c => c.Subtotal.Amount)).ShouldBe(records * AmountLimits.MaxTotal);
        }
    }

    /// <summary>
    /// Copies one row <paramref name="copies"/> times in a single INSERT ... SELECT, with the unique columns numbered:
    /// the database makes the rows itself, so a hundred thousand of them take seconds on either provider.
    /// </summary>
    private static async Task CopyAsync(CommerceDbContext db, string table, long id, int copies, params (string Column, string Prefix)[] numbered)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var columns = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            // Stored columns only: generated ones (PostgreSQL's search columns) are computed by the database.
            read.CommandText = db.Database.IsNpgsql()
                ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' AND column_name <> 'Id' AND is_generated = 'NEVER' ORDER BY ordinal_position"
                : $"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'Id'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        var values = columns.Select(c => numbered.Any(n => n.Column == c) ? $"{numbered.Single(n => n.Column == c).Prefix} || n" : $"\"{c}\"");
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            $"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {copies}) " +
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"SELECT {string.Join(", ", values)} FROM \"{table}\", seq WHERE \"{table}\".\"Id\" = {id}";
        // PostgreSQL's counting trigger upserts the same ValueCounts rows once per copied row, and inside one statement
        // every upsert walks the versions the earlier ones left: minutes for 100,000 rows. So the copy runs as the
        // bench's bulk load does, triggers off and the counts rebuilt from the rows after; SQLite's triggers keep up.
        var postgres = db.Database.IsNpgsql();
        if (postgres) await ExecuteAsync(connection, $"ALTER TABLE \"{table}\" DISABLE TRIGGER USER");
        await insert.ExecuteNonQueryAsync();
        if (!postgres) return;
        await ExecuteAsync(connection, $"ALTER TABLE \"{table}\" ENABLE TRIGGER USER");
        foreach (var sql in ValueCounts.RebuildSql()) await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private CommerceDbContext Open() => TestDatabase.Open(_path);
}
