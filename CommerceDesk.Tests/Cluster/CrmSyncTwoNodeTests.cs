using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Tests.Crm;
using CommerceDesk.Web.Crm.Settings;
using CommerceDesk.Web.Crm.Sync;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Cluster;

/// <summary>The CRM sync job on two nodes of one PostgreSQL database at once, against one (loopback) Salesforce.</summary>
public sealed class CrmSyncTwoNodeTests : IAsyncLifetime
{
    private const int Carts = 300;
    private readonly FakeSalesforce _salesforce = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _salesforce.DisposeAsync();

    [Fact]
    public async Task TwoNodesSyncingAtOnceNeverCreateTwoOpportunitiesForOneRecord()
    {
        await using var nodes = await TwoNodes.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["Crm:Connector"] = "Salesforce",
            ["Crm:BatchSize"] = "20", // small batches, so the two nodes' claims interleave
            ["Crm:Salesforce:LoginUrl"] = _salesforce.BaseUrl,
            ["Crm:Salesforce:ClientId"] = FakeSalesforce.ClientId,
            ["Crm:Salesforce:ClientSecret"] = FakeSalesforce.ClientSecret,
        });
        nodes.A.Get<IRecurringJobManager>().RemoveIfExists("crm-sync");
        var saved = await nodes.A.Get<CrmSettingsStore>().SaveAsync(
            CrmSettings.Defaults with { CartAutomaticSync = true, OrderAutomaticSync = true }, new Actor("admin", "Admin"), CancellationToken.None);
        saved.ShouldBeEmpty();
        var client = nodes.A.CreateStorefrontClient();
        await Parallel.ForEachAsync(Enumerable.Range(0, Carts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            (await client.PutAsync("carts", $"two-node-{i:D3}", Cart(version: 1, step: "shipping"))).EnsureSuccessStatusCode());

        var carts = await Task.WhenAll(nodes.A.Get<CrmSyncJob>().RunAsync(CancellationToken.None), nodes.B.Get<CrmSyncJob>().RunAsync(CancellationToken.None));

        // Every cart's order arrives; both nodes sync the orders at once too.
        await Parallel.ForEachAsync(Enumerable.Range(0, Carts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var order = Order(version: 1, cart: $"two-node-{i:D3}", paymentStatus: "paid");
            order["number"] = $"SO-{i:D4}";
            (await client.PutAsync("orders", $"two-node-order-{i:D3}", order)).EnsureSuccessStatusCode();
        });
        var orders = await Task.WhenAll(nodes.A.Get<CrmSyncJob>().RunAsync(CancellationToken.None), nodes.B.Get<CrmSyncJob>().RunAsync(CancellationToken.None));

        carts.Sum(r => r.Synced).ShouldBe(Carts);
        orders.Sum(r => r.Synced).ShouldBe(Carts);
        carts.Concat(orders).Sum(r => r.Failed).ShouldBe(0);
        await using var db = nodes.B.CreateDbContext();
        (await db.Opportunities.CountAsync()).ShouldBe(Carts);
        (await db.Opportunities.CountAsync(o => o.SourceCartId != null && o.SourceOrderId != null)).ShouldBe(Carts);
        (await db.Carts.CountAsync(c => c.CrmSync.Status == CrmSyncStatus.Synced)).ShouldBe(Carts);
        (await db.Orders.CountAsync(o => o.CrmSync.Status == CrmSyncStatus.Synced)).ShouldBe(Carts);
        _salesforce.Records.Keys.Count(k => k.Type == "Opportunity").ShouldBe(Carts);
        // Each opportunity went to Salesforce once for its cart and once for its order: never twice for one record.
        var sent = _salesforce.OpportunityUpserts.Where(c => c.Status == 200)
            .SelectMany(c => c.Body!["records"]!.AsArray().Select(r => r![FakeSalesforce.ExternalIdField]!.GetValue<string>()))
            .GroupBy(k => k).Select(g => g.Count()).ToList();
        sent.Count.ShouldBe(Carts);
        sent.ShouldAllBe(n => n == 2);
    }
}
