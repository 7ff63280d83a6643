using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommerceDesk.Bench.Dataset;
using CommerceDesk.Bench.Reporting;
using Microsoft.Data.Sqlite;

namespace CommerceDesk.Bench.Api;

/// <summary>
/// Storefront API upserts per second through the real app on loopback (8 and 32 concurrent clients, half carts
/// half orders, each order placed from one of the carts), against the same rows written by a raw batched insert; then
/// the same pushes from far more clients than the write queue holds, to show what the storefront sees under overload.
/// </summary>
internal sealed class ApiThroughputBenchmark(BenchDatabase database, int requestsPerRun)
{
    private const string ApiKey = "dev-storefront-key";
    // Overload: four times more clients than the small queue holds, each sending again at once after a 503.
    private const int OverloadClients = 128;
    private const int SmallWriteQueue = 32;

    public async Task RunAsync(BenchReport report)
    {
        var rows = new List<string[]>();
        var overload = new List<string[]>();
        // New ids on every run, so a kept data set can be measured again (the raw inserts would meet earlier runs' rows).
        var run = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        await using (var app = await AppProcess.StartAsync(database))
        {
            await MeasureAsync(app.Address, 8, prefix: $"warmup{run}"); // JIT, pools and caches, not counted
            foreach (var clients in new[] { 8, 32 })
            {
                var cpuBefore = app.CpuTime;
                var (rate, failures) = await MeasureAsync(app.Address, clients, prefix: $"api{clients}-{run}");
                var cpuPerRequest = (app.CpuTime - cpuBefore).TotalMilliseconds / requestsPerRun;
                string[] measured = [clients.ToString(CultureInfo.InvariantCulture), requestsPerRun.ToString("N0", CultureInfo.InvariantCulture),
                    rate.ToString("N0", CultureInfo.InvariantCulture), cpuPerRequest.ToString("F2", CultureInfo.InvariantCulture), failures.ToString(CultureInfo.InvariantCulture)];
                if (database.IsPostgres)
                {
                    // The raw comparisons are prepared SQLite statements; on PostgreSQL the API's own rate is the figure.
                    rows.Add([.. measured, "–", "–", "–", "–"]);
                    continue;
                }
                var raw = await RawInsertRateAsync(prefix: $"raw{clients}-{run}");
                var ceiling = new RawUpsertStatements(database.Name).Rate(requestsPerRun, prefix: $"stmt{clients}-{run}");
                rows.Add([.. measured,
                    raw.ToString("N0", CultureInfo.InvariantCulture), (rate / raw).ToString("P1", CultureInfo.InvariantCulture),
                    ceiling.ToString("N0", CultureInfo.InvariantCulture), (rate / ceiling).ToString("P1", CultureInfo.InvariantCulture)]);
            }

            // Most real pushes change a record the shop already sent (a cart grows, an order gets paid), and webhooks are
            // retried: the same 32-client rows again, once an hour newer (applied) and once as they were (acknowledged, no change).
            foreach (var what in new[] { "32, updates (newer)", "32, retries (same)" })
            {
                var cpuBefore = app.CpuTime;
                var (rate, failures) = await MeasureAsync(app.Address, 32, prefix: $"api32-{run}", Later);
                var cpuPerRequest = (app.CpuTime - cpuBefore).TotalMilliseconds / requestsPerRun;
                rows.Add([what, requestsPerRun.ToString("N0", CultureInfo.InvariantCulture), rate.ToString("N0", CultureInfo.InvariantCulture),
                    cpuPerRequest.ToString("F2", CultureInfo.InvariantCulture), failures.ToString(CultureInfo.InvariantCulture), "–", "–", "–", "–"]);
            }
            if (!database.IsPostgres)
                overload.Add((await OverloadAsync(app.Address, prefix: $"overd-{run}")).Row($"{OverloadClients}, default (1,000)"));
        }
        // The bounded write queue is SQLite's group commit; PostgreSQL takes concurrent writers directly.
        if (!database.IsPostgres)
        {
            await using var app = await AppProcess.StartAsync(database, ("Storefront__WriteQueueLimit", SmallWriteQueue.ToString(CultureInfo.InvariantCulture)));
            await MeasureAsync(app.Address, 8, prefix: $"warmups{run}", requests: Math.Min(requestsPerRun, 400));
            overload.Add((await OverloadAsync(app.Address, prefix: $"overs-{run}")).Row($"{OverloadClients}, {SmallWriteQueue}"));
        }
        report.Section("Storefront API throughput (target ≥ 3,000 upserts/s)",
            BenchReport.Table(["clients", "requests", "API upserts/s", "app CPU ms/upsert", "non-2xx", "raw insert records/s", "API / raw", "raw upsert statements/s", "API / statements"], rows) +
            "\nEach request is one PUT of a cart (2 items) or an order (2 lines, placed from a cart); raw = the same records " +
            "(row + lines) by prepared INSERTs in one transaction on the same file, both on the generated data set. " +
            "Raw upsert statements = every statement an upsert makes (look-ups, row and lines, the cart's purchase and workflow rows, the order confirmation's outbox row), prepared once, " +
            "committed in groups of 32 on one connection, no app: the ceiling of an upsert on this file. The last two rows push the 32-client rows again: " +
            "an hour newer (each cart's items and each order replaced) and then the same again (a retried webhook: acknowledged, nothing written). " +
            "The app runs as a web-only node (Jobs:RunServer=false). On PostgreSQL the raw columns are not measured (they are SQLite statements).");
        if (overload.Count > 0)
            report.Section("Storefront API under overload",
                BenchReport.Table(["clients, write queue limit", "accepted", "accepted upserts/s", "503 share", "accepted p50 ms", "accepted p95 ms", "503 p95 ms", "other non-2xx"], overload) +
                $"\n{OverloadClients} clients push the same carts and orders as above (new ids); a client answered 503 sends the same request " +
                "again at once, ignoring Retry-After (the worst case), until it is accepted. Accepted = stored records; the 503 share counts every answer. " +
                "With the default limit every push waits its turn, so latency grows with the clients; with a small queue " +
                "(Storefront:WriteQueueLimit) the excess is refused at once (503 p95) without touching the database, accepted writes wait for at " +
                "most the queue ahead of them, and nothing refused is stored.");
    }

    private sealed record OverloadResult(int Accepted, double Rate, int Refused, double AcceptedP50, double AcceptedP95, double RefusedP95, int Failures)
    {
        public string[] Row(string what) =>
        [
            what, Accepted.ToString("N0", CultureInfo.InvariantCulture), Rate.ToString("N0", CultureInfo.InvariantCulture),
            ((double)Refused / (Accepted + Refused + Failures)).ToString("P1", CultureInfo.InvariantCulture),
            BenchReport.Ms(AcceptedP50), BenchReport.Ms(AcceptedP95), Refused == 0 ? "–" : BenchReport.Ms(RefusedP95),
            Failures.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private async Task<OverloadResult> OverloadAsync(Uri address, string prefix)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = OverloadClients })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var next = -1;
        var failures = 0;
        var accepted = new ConcurrentQueue<double>();
        var refused = new ConcurrentQueue<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, OverloadClients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requestsPerRun)
            {
                var n = i / 2;
                while (true)
                {
                    using var request = i % 2 == 0
                        ? Put($"/api/v1/channels/web/carts/{prefix}-C{n}", CartJson(n, First))
                        : Put($"/api/v1/channels/web/orders/{prefix}-O{n}", OrderJson(prefix, n, First));
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request);
                    var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        refused.Enqueue(ms);
                        continue;
                    }
                    if (response.IsSuccessStatusCode) accepted.Enqueue(ms);
                    else Interlocked.Increment(ref failures);
                    break;
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var acceptedMs = accepted.Order().ToArray();
        var refusedMs = refused.Order().ToArray();
        return new OverloadResult(acceptedMs.Length, acceptedMs.Length / elapsed, refusedMs.Length,
            acceptedMs.Length == 0 ? 0 : Latency.Percentile(acceptedMs, 0.50), acceptedMs.Length == 0 ? 0 : Latency.Percentile(acceptedMs, 0.95),
            refusedMs.Length == 0 ? 0 : Latency.Percentile(refusedMs, 0.95), failures);
    }

    private const string First = "2026-11-01T10:00:00Z";
    private const string Later = "2026-11-01T11:00:00Z";

    private async Task<(double Rate, int Failures)> MeasureAsync(Uri address, int clients, string prefix, string updatedAt = First, int? requests = null)
    {
        var count = requests ?? requestsPerRun;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                // Even requests create cart n, odd ones the order placed from cart n.
                var n = i / 2;
                using var request = i % 2 == 0
                    ? Put($"/api/v1/channels/web/carts/{prefix}-C{n}", CartJson(n, updatedAt))
                    : Put($"/api/v1/channels/web/orders/{prefix}-O{n}", OrderJson(prefix, n, updatedAt));
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
        }));
        return (count / clock.Elapsed.TotalSeconds, failures);
    }

    private async Task<double> RawInsertRateAsync(string prefix)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Name};Pooling=False");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync();
        }
        var now = SqliteText.Time(DatasetSpec.Now);
        var clock = Stopwatch.StartNew();
        await using (var loader = new BulkLoader(connection))
        {
            var carts = loader.Into("Carts", ["ChannelId", "ExternalId", "CreatedAt", "SourceUpdatedAt", "CustomerExternalId", "Email", "ItemCount",
                "CheckoutStep", "Status", "LastActivityAt", "Version", "CrmSyncStatus", "Subtotal", "Currency"]);
            var items = loader.Into("CartItems", ["CartId", "Position", "Sku", "Name", "Quantity", "UnitPrice"]);
            var orders = loader.Into("Orders", ["ChannelId", "ExternalId", "CreatedAt", "SourceUpdatedAt", "Number", "CartExternalId", "CustomerExternalId",
                "Email", "PaymentStatus", "CommercialState", "PlacedAt", "Status", "Version", "CrmSyncStatus", "PaymentMethodCode", "PaymentKind", "Subtotal", "Currency"]);
            var lines = loader.Into("OrderLines", ["OrderId", "Position", "Sku", "Name", "Quantity", "UnitPrice"]);
            for (var i = 0; i < requestsPerRun; i++)
            {
                var n = i / 2;
                if (i % 2 == 0)
                {
                    var id = carts.AddReturningId(1, $"{prefix}-C{n}", now, now, $"CU-{n:D7}", "ada@example.com", 3, "Payment", "Open", now, 1, "NotSynced", 350_000, "EUR");
                    items.Add(id, 1, "SKU-1", "Mug", 2, 100_000);
                    items.Add(id, 2, "SKU-2", "Tea", 1, 150_000);
                }
                else
                {
                    var id = orders.AddReturningId(1, $"{prefix}-O{n}", now, now, $"{prefix}-{n}", $"{prefix}-C{n}", $"CU-{n:D7}", "ada@example.com",
                        "Paid", "SalesOrder", now, "Incoming", 1, "NotSynced", "card", "Online", 350_000, "EUR");
                    lines.Add(id, 1, "SKU-1", "Mug", 2, 100_000);
                    lines.Add(id, 2, "SKU-2", "Tea", 1, 150_000);
                }
            }
        }
        return requestsPerRun / clock.Elapsed.TotalSeconds;
    }

    private static HttpRequestMessage Put(string url, string json) =>
        new(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };

    private static string CartJson(int n, string updatedAt) =>
        $$"""{"customerExternalId":"CU-{{n % 1000:D7}}","email":"shopper{{n}}@example.com","currency":"EUR","checkoutStep":"payment","updatedAt":"{{updatedAt}}","items":[{"sku":"SKU-1","name":"Mug","quantity":2,"unitPrice":10.00},{"sku":"SKU-2","name":"Tea","quantity":1,"unitPrice":15.00}]}""";

    private static string OrderJson(string prefix, int n, string updatedAt) =>
        $$"""{"number":"{{prefix}}-{{n}}","cartExternalId":"{{prefix}}-C{{n}}","customerExternalId":"CU-{{n % 1000:D7}}","email":"shopper{{n}}@example.com","currency":"EUR","paymentMethod":{"code":"card","kind":"online"},"paymentStatus":"paid","placedAt":"2026-11-01T10:00:00Z","updatedAt":"{{updatedAt}}","lines":[{"sku":"SKU-1","name":"Mug","quantity":2,"unitPrice":10.00},{"sku":"SKU-2","name":"Tea","quantity":1,"unitPrice":15.00}]}""";
}
