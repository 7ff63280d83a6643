using System.Diagnostics;
using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommerceDesk.Bench.Dataset;

/// <summary>
/// Builds a fresh database with the app's own schema (its migrations) and fills it with a reproducible data set:
/// on SQLite by batched, prepared inserts, secondary indexes dropped during the load and rebuilt after, the way a
/// bulk load is done (the rebuilt indexes are exactly the migration's); on PostgreSQL by COPY, the counter triggers
/// off during the load and the counters recounted after.
/// </summary>
public sealed class DatasetGenerator(DatasetSpec spec, BenchDatabase database, TextWriter log)
{
    private readonly string path = database.Name;
    private Func<IBulkLoader> _newLoader = () => throw new InvalidOperationException("No connection is open.");

    private static readonly string[] CartStatuses = ["Purchased", "Abandoned", "Open", "Lost"];
    private static readonly string[] Steps = ["None", "Shipping", "Payment"];
    private static readonly string[] OrderStatuses = ["Incoming", "In process", "Completed", "Cancelled"];
    private static readonly string[] PaymentStatuses = ["Paid", "Pending", "Failed"];

    public async Task<TimeSpan> GenerateAsync()
    {
        if (database.IsPostgres) return await GeneratePostgresAsync();
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        await MigrateAsync(database);

        var channelIds = await InsertChannelsAsync();
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        _newLoader = () => new BulkLoader(connection);
        await ExecuteAsync(connection, "PRAGMA foreign_keys=OFF; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
        var indexes = await DropSecondaryIndexesAsync(connection);
        var triggers = await DropTriggersAsync(connection);

        Step("schema", clock);
        await InsertRowsAsync(connection, channelIds, clock);

        foreach (var sql in indexes) await ExecuteAsync(connection, sql);
        foreach (var sql in triggers) await ExecuteAsync(connection, sql);
        foreach (var index in CommerceDesk.Data.Search.FullTextIndexes.All)
            await ExecuteAsync(connection, $"INSERT INTO {index.Name}({index.Name}) VALUES ('rebuild')");
        foreach (var sql in CommerceDesk.Data.Search.ValueCounts.RebuildSql()) await ExecuteAsync(connection, sql);
        await ExecuteAsync(connection, "ANALYZE; PRAGMA journal_mode=WAL;");
        Step("indexes", clock);
        return clock.Elapsed;
    }

    private async Task InsertRowsAsync(System.Data.Common.DbConnection connection, long[] channelIds, Stopwatch clock)
    {
        var random = new Random(spec.Seed);
        var accountOf = await InsertAccountsAsync();
        Step("accounts", clock);
        await InsertCustomersAsync(random, channelIds, accountOf);
        // Accounts and customers name each other: each account learns its owner once the customers exist (PostgreSQL
        // checks the foreign key at once). Account n was opened for customer n.
        await ExecuteAsync(connection, "UPDATE \"Accounts\" SET \"OwnerCustomerId\" = \"Id\"");
        Step("customers", clock);
        await InsertCartsAsync(random, channelIds);
        Step("carts", clock);
        await InsertOrdersAsync(random, channelIds);
        Step("orders", clock);
        await InsertProductsAsync(channelIds);
        Step("products", clock);
        await InsertOpportunitiesAsync(accountOf);
        Step("opportunities", clock);
    }

    private static readonly string[] CountedTables = ["Carts", "Orders"];

    private async Task<TimeSpan> GeneratePostgresAsync()
    {
        var clock = Stopwatch.StartNew();
        await using (var db = database.CreateContext())
            await db.Database.EnsureDeletedAsync();
        await MigrateAsync(database);
        var channelIds = await InsertChannelsAsync();
        await using var connection = (NpgsqlConnection)await database.OpenAsync();
        await ExecuteAsync(connection, "SET TIME ZONE 'UTC'");
        foreach (var table in CountedTables) await ExecuteAsync(connection, $"ALTER TABLE \"{table}\" DISABLE TRIGGER USER");
        _newLoader = () => new PostgresBulkLoader(connection);
        Step("schema", clock);

        await InsertRowsAsync(connection, channelIds, clock);

        foreach (var table in CountedTables) await ExecuteAsync(connection, $"ALTER TABLE \"{table}\" ENABLE TRIGGER USER");
        foreach (var sql in CommerceDesk.Data.Search.ValueCounts.RebuildSql()) await ExecuteAsync(connection, sql);
        // The rows came with their ids: move each identity past them, or the app's next insert would meet one.
        foreach (var table in new[] { "Accounts", "Customers", "Carts", "Orders", "Products", "Opportunities" })
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        Step("indexes", clock);
        return clock.Elapsed;
    }

    public static async Task MigrateAsync(BenchDatabase database)
    {
        await using (var db = database.CreateContext())
            await db.Database.MigrateAsync();
        if (!database.IsPostgres) SqliteConnection.ClearAllPools();
    }

    public static async Task<long> SizeInMiBAsync(BenchDatabase database)
    {
        if (!database.IsPostgres) return new FileInfo(database.Name).Length / (1 << 20);
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return (long)(await command.ExecuteScalarAsync())! / (1 << 20);
    }

    private void Step(string what, Stopwatch clock) => log.WriteLine($"  {what,-10} done at {clock.Elapsed.TotalSeconds,6:F1} s");

    private static async Task<List<string>> DropSecondaryIndexesAsync(SqliteConnection connection)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Accounts','Customers','Carts','CartItems','Orders','OrderLines')";
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        return indexes.Select(i => i.Sql).ToList();
    }

    /// <summary>The full-text and counter triggers would work row by row; indexes and counters are rebuilt in one pass after the load instead.</summary>
    private static async Task<List<string>> DropTriggersAsync(SqliteConnection connection)
    {
        var triggers = new List<(string Name, string Sql)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'";
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) triggers.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in triggers) await ExecuteAsync(connection, $"DROP TRIGGER \"{name}\"");
        return triggers.Select(t => t.Sql).ToList();
    }

    /// <summary>Channels go through the domain (keys hashed, reminders on since long before the data set).</summary>
    private async Task<long[]> InsertChannelsAsync()
    {
        await using var db = database.CreateContext();
        var channels = DatasetSpec.Channels.Select(code =>
        {
            var channel = new Channel(code, code + " shop", "EUR");
            channel.AddApiKey(BenchKeys.For(code), "bench", DatasetSpec.Now);
            channel.EnableReminders(DatasetSpec.Now.AddYears(-3));
            return channel;
        }).ToList();
        db.Channels.AddRange(channels);
        await db.SaveChangesAsync();
        return channels.Select(c => c.Id).ToArray();
    }

    /// <summary>
    /// One account per customer, opened for it and named as it (the customers' own name stream, replayed). One customer
    /// in eight has joined an older customer's account (a hierarchy), which leaves its own account without customers:
    /// inactive, worth nothing. Own random stream, so the customers, carts and orders stay as they were. Inserted
    /// before the customers, whose account key refers to them, without their owner (set once the customers exist).
    /// </summary>
    private async Task<int[]> InsertAccountsAsync()
    {
        var random = new Random(spec.Seed + 11);
        var names = new Bogus.DataSets.Name("en") { Random = new Bogus.Randomizer(spec.Seed) };
        var accountOf = new int[spec.Customers + 1];
        var customers = new int[spec.Customers + 1];
        for (var id = 1; id <= spec.Customers; id++)
        {
            accountOf[id] = id > 1 && random.Next(8) == 0 ? accountOf[random.Next(1, id)] : id;
            customers[accountOf[id]]++;
        }
        await using var loader = _newLoader();
        var rows = loader.Into("Accounts", ["Id", "Name", "OwnerCustomerId", "IsActive", "CustomerCount", "LifetimeSalesValue"]);
        for (var id = 1; id <= spec.Customers; id++)
        {
            var name = $"{names.FirstName()} {names.LastName()}";
            var count = customers[id];
            rows.Add(id, name, null, count > 0 ? 1 : 0, count, SqliteText.Money(count == 0 ? 0m : random.Next(0, 250_000 * count) / 100m));
        }
        return accountOf;
    }

    private async Task InsertCustomersAsync(Random random, long[] channels, int[] accountOf)
    {
        var names = new Bogus.DataSets.Name("en") { Random = new Bogus.Randomizer(spec.Seed) };
        await using var loader = _newLoader();
        var batch = loader.Into("Customers",
            ["Id", "ChannelId", "ExternalId", "CreatedAt", "SourceUpdatedAt", "Email", "FirstName", "LastName", "Phone", "IsGuest", "RegisteredAt", "AccountId"]);
        for (var id = 1; id <= spec.Customers; id++)
        {
            var first = names.FirstName();
            var last = names.LastName();
            var registered = DatasetSpec.Now.AddMinutes(-random.Next(1, 3 * 365 * 24 * 60));
            var guest = random.Next(10) == 0;
            batch.Add(id, channels[id % channels.Length], $"CU-{id:D7}", SqliteText.Time(registered), SqliteText.Time(registered),
                $"{first}.{last}.{id}@example.com".ToLowerInvariant().Replace(' ', '-'), first, last, $"+49 30 {id:D7}", guest ? 1 : 0,
                guest ? null : SqliteText.Time(registered), accountOf[id]);
        }
    }

    private async Task InsertCartsAsync(Random random, long[] channels)
    {
        await using var loader = _newLoader();
        var carts = loader.Into("Carts",
            ["Id", "ChannelId", "ExternalId", "CreatedAt", "SourceUpdatedAt", "CustomerExternalId", "CustomerId", "Email", "ItemCount", "CheckoutStep",
             "Status", "LastActivityAt", "AbandonedAt", "ReminderCheckedAt", "Version", "CrmSyncStatus", "Subtotal", "Currency", "WorkflowStep"]);
        var items = loader.Into("CartItems", ["CartId", "Position", "Sku", "Name", "Quantity", "UnitPrice"]);
        for (var id = 1; id <= spec.Carts; id++)
        {
            var customer = random.Next(1, spec.Customers + 1);
            var status = CartStatuses[Weighted(random, 45, 25, 20, 10)];
            // Open carts are live (the last hour); the rest spread over two years.
            var lastActivity = status == "Open"
                ? DatasetSpec.Now.AddSeconds(-random.Next(60, 3_500))
                : DatasetSpec.Now.AddMinutes(-random.Next(61, 2 * 365 * 24 * 60));
            var (quantity, subtotal) = AddLines(items, random, id);
            carts.Add(id, channels[customer % channels.Length], $"C-{id:D8}", SqliteText.Time(lastActivity), SqliteText.Time(lastActivity),
                $"CU-{customer:D7}", customer, $"customer{customer}@example.com", quantity, Steps[random.Next(Steps.Length)],
                // Carts abandoned in the past were examined by the sweep back then.
                status, SqliteText.Time(lastActivity), status == "Abandoned" ? SqliteText.Time(lastActivity.AddHours(1)) : null,
                status == "Abandoned" ? SqliteText.Time(lastActivity.AddHours(1)) : null, 1,
                random.Next(4) == 0 ? "Synced" : "NotSynced", subtotal, "EUR", status == "Purchased" ? "converted" : "open");
        }
    }

    private async Task InsertOrdersAsync(Random random, long[] channels)
    {
        await using var loader = _newLoader();
        var orders = loader.Into("Orders",
            ["Id", "ChannelId", "ExternalId", "CreatedAt", "SourceUpdatedAt", "Number", "CustomerExternalId", "CustomerId", "Email", "PaymentStatus",
             "CommercialState", "PlacedAt", "Status", "Version", "CrmSyncStatus", "PaymentMethodCode", "PaymentKind", "Subtotal", "Currency", "WorkflowStep", "AssigneeId"]);
        var lines = loader.Into("OrderLines", ["OrderId", "Position", "Sku", "Name", "Quantity", "UnitPrice"]);
        for (var id = 1; id <= spec.Orders; id++)
        {
            var customer = random.Next(1, spec.Customers + 1);
            var placed = DatasetSpec.Now.AddMinutes(-random.Next(1, 2 * 365 * 24 * 60));
            var payment = PaymentStatuses[Weighted(random, 75, 20, 5)];
            var status = OrderStatuses[Weighted(random, 5, 15, 70, 10)];
            var offline = random.Next(5) == 0;
            var commercial = status == "Cancelled" ? "Cancelled" : payment == "Paid" && !offline ? "SalesOrder" : "QuotationSent";
            var (_, subtotal) = AddLines(lines, random, id);
            // A sales team of eight shares four in five orders; the rest wait unassigned.
            var assignee = random.Next(5) == 0 ? null : BenchAssignee(random.Next(8));
            orders.Add(id, channels[customer % channels.Length], $"O-{id:D8}", SqliteText.Time(placed), SqliteText.Time(placed),
                (100_000_000 + id).ToString(System.Globalization.CultureInfo.InvariantCulture), $"CU-{customer:D7}", customer,
                $"customer{customer}@example.com", payment, commercial, SqliteText.Time(placed), status, 1,
                random.Next(4) == 0 ? "Synced" : "NotSynced", offline ? "bank-transfer" : "card", offline ? "Offline" : "Online", subtotal, "EUR", "not_contacted", assignee);
        }
    }

    /// <summary>
    /// Every SKU the lines use, in each channel, with stock: about one in twenty oversold (reserved beyond on hand), as
    /// the products grid's red rows. Its own random source, so the customers, carts and orders stay as they were.
    /// </summary>
    private async Task InsertProductsAsync(long[] channels)
    {
        var random = new Random(spec.Seed + 1);
        await using var loader = _newLoader();
        var products = loader.Into("Products",
            ["Id", "ChannelId", "Sku", "CreatedAt", "SourceUpdatedAt", "Name", "Price", "Currency", "OnHand", "Reserved", "Version"]);
        var id = 0;
        foreach (var channel in channels)
        {
            for (var product = 1; product < ProductCount; product++)
            {
                var onHand = random.Next(0, 500);
                var reserved = random.Next(20) == 0 ? onHand + random.Next(1, 10) : random.Next(0, onHand / 4 + 1);
                products.Add(++id, channel, $"SKU-{product:D5}", SqliteText.Time(DatasetSpec.Now), SqliteText.Time(DatasetSpec.Now),
                    $"Product {product}", SqliteText.Money(PriceOf(product)), "EUR", onHand, reserved, 1);
            }
        }
    }

    private const int ProductCount = 5_000;

    private static decimal PriceOf(int product) => Math.Round(5m + product % 200 + product % 100 / 100m, 2);
    /// <summary>The user id of one of the data set's eight salespeople (orders name them; no user rows are needed to filter).</summary>
    public static string BenchAssignee(int n) => $"bench-user-{n + 1}";

    private static readonly string[] OpportunityStages = ["Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"];
    private static readonly string[] Owners = ["Ann Becker", "Ben Ortiz", "Chloé Martin", "Dev Patel", "CommerceDesk"];

    /// <summary>One opportunity per five carts: from a cart, from an order or entered by hand, a third each (own random stream, so the rest stays as it was).</summary>
    private async Task InsertOpportunitiesAsync(int[] accountOf)
    {
        var random = new Random(spec.Seed + 7);
        await using var loader = _newLoader();
        var rows = loader.Into("Opportunities",
            ["Id", "Name", "CustomerId", "AccountId", "Stage", "CloseDate", "SourceCartId", "SourceOrderId", "OwnerUserId", "OwnerName", "CreatedAt", "Version", "Amount", "Currency"]);
        for (var id = 1; id <= spec.Carts / 5; id++)
        {
            var source = random.Next(3);
            var record = (long)id * 5;
            var created = DatasetSpec.Now.AddMinutes(-random.Next(1, 365 * 24 * 60));
            var owner = Owners[random.Next(Owners.Length)];
            // Made for a customer, an opportunity also names the customer's account (as the app's are).
            var customer = random.Next(1, spec.Customers + 1);
            rows.Add(id, $"Opportunity {id:D7}", customer, accountOf[customer], OpportunityStages[random.Next(OpportunityStages.Length)],
                SqliteText.Time(created.Date.AddDays(random.Next(1, 180))), source == 0 ? record : null, source == 1 && record <= spec.Orders ? record : null,
                $"user-{owner}", owner, SqliteText.Time(created), 1, SqliteText.Money(random.Next(10, 50_000)), "EUR");
        }
    }

    private static (int Quantity, long Subtotal) AddLines(IBulkRows insert, Random random, long ownerId)
    {
        var count = random.Next(1, 4);
        var quantity = 0;
        var subtotal = 0L;
        for (var position = 1; position <= count; position++)
        {
            var product = random.Next(1, ProductCount);
            var each = random.Next(1, 4);
            var price = SqliteText.Money(PriceOf(product));
            quantity += each;
            subtotal += price * each;
            insert.Add(ownerId, position, $"SKU-{product:D5}", $"Product {product}", each, price);
        }
        return (quantity, subtotal);
    }

    private static int Weighted(Random random, params int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
