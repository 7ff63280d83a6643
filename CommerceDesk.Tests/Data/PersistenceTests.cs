using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Data;

/// <summary>Mappings, constraints and concurrency on a real database of each provider, migrated like the app does.</summary>
public abstract class PersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>The query-plan checks read SQLite's EXPLAIN QUERY PLAN.</summary>
    public sealed class OnSqlite() : PersistenceTests(DatabaseProvider.Sqlite)
    {
        [Fact]
        public async Task TheOpenCartsByLastActivityQueryUsesItsIndex()
        {
            await using var db = Open();
            var query = db.Carts.Where(c => c.Status == CartStatus.Open && c.ChannelId == _channelId && c.AbandonmentCheckedAt == null && c.LastActivityAt <= Clock.Start)
                .OrderBy(c => c.LastActivityAt).Select(c => c.Id);

            var plan = await ExplainAsync(db, query.ToQueryString());

            plan.ShouldContain("IX_Carts_OpenByLastActivity");
        }

        [Fact]
        public async Task TheOrdersGridStatusFilterUsesItsIndex()
        {
            await using var db = Open();
            var query = db.Orders.Where(o => o.Status == OrderStatuses.Incoming).OrderByDescending(o => o.PlacedAt).Take(50).Select(o => o.Id);

            var plan = await ExplainAsync(db, query.ToQueryString());

            plan.ShouldContain("IX_Orders_Status_PlacedAt");
        }
    }

    public sealed class OnPostgres() : PersistenceTests(DatabaseProvider.Postgres);

    private string _path = "";
    private long _channelId;

    public async Task InitializeAsync()
    {
        _path = await TestDatabase.CreateAsync(provider);
        await using var db = Open();
        var channel = new Channel("web", "Web", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        _channelId = channel.Id;
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    private CommerceDbContext Open() => TestDatabase.Open(_path);

    [Fact]
    public async Task ACartRoundTripsWithItemsMoneyAndUtcTimes()
    {
        await using (var db = Open())
        {
            db.Carts.Add(new CartBuilder().InChannel(_channelId).WithItem("A", 2, 19.99m).WithItem("B", 1, 0.0125m).AtStep(CheckoutStep.Payment).Build());
            await db.SaveChangesAsync();
        }

        await using var read = Open();
        var cart = await read.Carts.SingleAsync();
        cart.Items.Count.ShouldBe(2);
        cart.Items.Single(i => i.Sku == "B").UnitPrice.ShouldBe(0.0125m);
        cart.Subtotal.ShouldBe(new Money(39.99m, "EUR"));
        cart.CheckoutStep.ShouldBe(CheckoutStep.Payment);
        cart.LastActivityAt.Kind.ShouldBe(DateTimeKind.Utc);
        cart.LastActivityAt.ShouldBe(Clock.Start);
        cart.Version.ShouldBe(1);
    }

    [Fact]
    public async Task AnOrderRoundTripsWithPaymentMethodAndStates()
    {
        await using (var db = Open())
        {
            db.Orders.Add(new OrderBuilder().InChannel(_channelId).PaidBy(PaymentKind.Offline, "bank-transfer").Build());
            await db.SaveChangesAsync();
        }

        await using var read = Open();
        var order = await read.Orders.SingleAsync();
        order.PaymentMethod.ShouldBe(new PaymentMethod("bank-transfer", PaymentKind.Offline));
        order.CommercialState.ShouldBe(CommercialState.QuotationSent);
        order.Lines.ShouldHaveSingleItem().Sku.ShouldBe("SKU-1");
    }

    [Fact]
    public async Task ExternalIdsAreUniquePerChannel()
    {
        await using var db = Open();
        db.Carts.Add(new CartBuilder().InChannel(_channelId).WithExternalId("same").Build());
        db.Carts.Add(new CartBuilder().InChannel(_channelId).WithExternalId("same").Build());

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task OfTwoConcurrentWritersExactlyOneWins()
    {
        long cartId;
        await using (var db = Open())
        {
            var cart = new CartBuilder().InChannel(_channelId).WithItem("A", 1).Build();
            db.Carts.Add(cart);
            await db.SaveChangesAsync();
            cartId = cart.Id;
        }

        await using var first = Open();
        await using var second = Open();
        var a = await first.Carts.SingleAsync(c => c.Id == cartId);
        var b = await second.Carts.SingleAsync(c => c.Id == cartId);
        a.MarkLost();
        b.MarkAbandoned(Clock.Start.AddHours(2), TimeSpan.FromHours(1));

        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = Open();
        var stored = await read.Carts.SingleAsync(c => c.Id == cartId);
        stored.Status.ShouldBe(CartStatus.Lost);
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task ReplacingItemsLeavesNoOrphans()
    {
        await using (var db = Open())
        {
            db.Carts.Add(new CartBuilder().InChannel(_channelId).WithItem("A", 1).WithItem("B", 1).Build());
            await db.SaveChangesAsync();
        }
        await using (var db = Open())
        {
            var cart = await db.Carts.SingleAsync();
            cart.Update(new CartBuilder().WithItem("C", 3).Snapshot(), Clock.Start.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        await using var read = Open();
        (await read.Database.SqlQueryRaw<int>("SELECT CAST(COUNT(*) AS integer) AS \"Value\" FROM \"CartItems\"").SingleAsync()).ShouldBe(1);
    }

    private static async Task<string> ExplainAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares parameters with .param set lines; EXPLAIN needs only the statement.
        var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = parts[3].Trim().Trim('\'');
            command.Parameters.Add(parameter);
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }
}
