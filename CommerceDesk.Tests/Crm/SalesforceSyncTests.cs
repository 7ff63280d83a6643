using CommerceDesk.Data;
using CommerceDesk.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Crm;

/// <summary>
/// The Salesforce connector end to end against a loopback Salesforce: token by client credentials, opportunities
/// upserted by our external id in sObject Collections of at most 200, each record's own result.
/// </summary>
public abstract class SalesforceSyncTests : IAsyncLifetime
{
    public sealed class OnSqlite() : SalesforceSyncTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SalesforceSyncTests(DatabaseProvider.Postgres);

    private readonly FakeSalesforce _salesforce = new();
    private readonly DatabaseProvider _provider;
    private readonly CrmFactory _app;

    private static CrmFactory NewApp(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? new PostgresCrmFactory() : new CrmFactory();

    protected SalesforceSyncTests(DatabaseProvider provider)
    {
        _provider = provider;
        _app = NewApp(provider);
        _app.Settings["Crm:Connector"] = "Salesforce";
        _app.Settings["Crm:Salesforce:LoginUrl"] = _salesforce.BaseUrl;
        _app.Settings["Crm:Salesforce:ClientId"] = FakeSalesforce.ClientId;
        _app.Settings["Crm:Salesforce:ClientSecret"] = FakeSalesforce.ClientSecret;
    }

    public async Task InitializeAsync() =>
        await _app.SaveSettingsAsync(CrmSettings.Defaults with { CartAutomaticSync = true, AbandonedCartStage = OpportunityStages.Qualification });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _salesforce.DisposeAsync();
    }

    private async Task<List<string>> PushCartsAsync(int count, Func<int, string>? email = null)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"sf-cart-{i:D4}").ToList();
        var clients = Enumerable.Range(0, 8).Select(_ => _app.CreateStorefrontClient()).ToList();
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            var body = Cart(version: 1, step: "shipping");
            if (email is not null) body["email"] = email(c.i);
            (await clients[c.i % clients.Count].PutAsync("carts", c.id, body)).EnsureSuccessStatusCode();
        });
        return ids;
    }

    private async Task<List<(string ExternalId, CrmSyncState Sync)>> CartStatesAsync()
    {
        await using var db = _app.CreateDbContext();
        return (await db.Carts.AsNoTracking().Select(c => new { c.ExternalId, c.CrmSync }).ToListAsync()).Select(c => (c.ExternalId, c.CrmSync)).ToList();
    }

    /// <summary>How many successful upsert calls carried each of our keys.</summary>
    private Dictionary<string, int> SuccessfulUpsertsByKey() =>
        _salesforce.OpportunityUpserts.Where(c => c.Status == 200)
            .SelectMany(c => c.Body!["records"]!.AsArray().Select(r => r![FakeSalesforce.ExternalIdField]!.GetValue<string>()))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task FourHundredFiftyChangedCartsGoInThreeUpsertCallsOfAtMostTwoHundred()
    {
        await PushCartsAsync(450);

        var run = await _app.SyncAsync();

        run.ShouldBe(new CommerceDesk.Web.Crm.Sync.CrmSyncRun(450, 0));
        var upserts = _salesforce.OpportunityUpserts;
        upserts.Count.ShouldBe(3);
        upserts.ShouldAllBe(c => c.Body!["records"]!.AsArray().Count <= 200 && c.Body["allOrNone"]!.GetValue<bool>() == false);
        upserts.ShouldAllBe(c => c.Authorization == "Bearer 00D-token-1");
        _salesforce.TokenRequests.ShouldBe(1);
        var first = upserts[0].Body!["records"]!.AsArray()[0]!.AsObject();
        first["attributes"]!["type"]!.GetValue<string>().ShouldBe("Opportunity");
        first["StageName"]!.GetValue<string>().ShouldBe(OpportunityStages.Qualification);

        var states = await CartStatesAsync();
        states.ShouldAllBe(s => s.Sync.Status == CrmSyncStatus.Synced);
        states.Select(s => s.Sync.ExternalId).Distinct().Count().ShouldBe(450);
        _salesforce.Records.Keys.Count(k => k.Type == "Opportunity").ShouldBe(450);
        await using var db = _app.CreateDbContext();
        (await db.Opportunities.CountAsync()).ShouldBe(450);
        var sample = await db.Opportunities.FirstAsync();
        _salesforce.Records[("Opportunity", sample.CrmKey)].Id.ShouldBe(sample.ExternalCrmId);
    }

    [Fact]
    public async Task AfterAnOutageEveryRecordIsSyncedOnceAndNoOpportunityIsDuplicated()
    {
        await PushCartsAsync(450);
        _salesforce.UnavailableCalls = 2;

        var first = await _app.SyncAsync();
        first.ShouldBe(new CommerceDesk.Web.Crm.Sync.CrmSyncRun(50, 400));
        var failed = (await CartStatesAsync()).Where(s => s.Sync.Status == CrmSyncStatus.Failed).ToList();
        failed.Count.ShouldBe(400);
        failed.ShouldAllBe(s => s.Sync.LastError!.Contains("503") && s.Sync.Attempts == 1);
        failed.ShouldAllBe(s => s.Sync.NextAttemptAt == _app.Time.GetUtcNow().UtcDateTime.AddMinutes(1));

        (await _app.SyncAsync()).ShouldBe(new CommerceDesk.Web.Crm.Sync.CrmSyncRun(0, 0)); // not due yet: back-off
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        (await _app.SyncAsync()).ShouldBe(new CommerceDesk.Web.Crm.Sync.CrmSyncRun(400, 0));

        (await CartStatesAsync()).ShouldAllBe(s => s.Sync.Status == CrmSyncStatus.Synced);
        var byKey = SuccessfulUpsertsByKey();
        byKey.Count.ShouldBe(450);
        byKey.Values.ShouldAllBe(n => n == 1);
        _salesforce.Records.Keys.Count(k => k.Type == "Opportunity").ShouldBe(450);
        await using var db = _app.CreateDbContext();
        (await db.Opportunities.CountAsync()).ShouldBe(450);
    }

    [Fact]
    public async Task ASessionExpiringMidRunIsRenewedOnceAndTheRunCompletes()
    {
        await PushCartsAsync(450);
        _salesforce.ExpireTokenAfterCalls = 1;

        var run = await _app.SyncAsync();

        run.ShouldBe(new CommerceDesk.Web.Crm.Sync.CrmSyncRun(450, 0));
        _salesforce.TokenRequests.ShouldBe(2);
        var upserts = _salesforce.OpportunityUpserts;
        upserts.Count(c => c.Status == 401).ShouldBe(1);
        upserts.Count(c => c.Status == 200).ShouldBe(3);
        SuccessfulUpsertsByKey().Values.ShouldAllBe(n => n == 1);
    }

    [Fact]
    public async Task ARecordSalesforceRefusesFailsAloneWithSalesforcesMessage()
    {
        var longEmail = new string('a', 120) + "@example.com";
        var ids = await PushCartsAsync(5, i => i == 2 ? longEmail : $"buyer{i}@example.com");

        var run = await _app.SyncAsync();

        run.ShouldBe(new CommerceDesk.Web.Crm.Sync.CrmSyncRun(4, 1));
        var states = (await CartStatesAsync()).ToDictionary(s => s.ExternalId, s => s.Sync);
        states[ids[2]].Status.ShouldBe(CrmSyncStatus.Failed);
        states[ids[2]].LastError.ShouldBe($"STRING_TOO_LONG: Opportunity Name: data value too large: {longEmail[..20]}... (max length=120)");
        ids.Where((_, i) => i != 2).ShouldAllBe(id => states[id].Status == CrmSyncStatus.Synced);
        _salesforce.OpportunityUpserts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WithContactRolesTheCustomerBecomesAContactWithOneRolePerOpportunity()
    {
        await _app.SaveSettingsAsync(CrmSettings.Defaults with { CartAutomaticSync = true, ContactRolesEnabled = true, OpportunityCustomerRole = "Economic Buyer" });
        var client = _app.CreateStorefrontClient();
        (await client.PutAsync("customers", "cus-ada", Customer(version: 1))).EnsureSuccessStatusCode();
        (await client.PutAsync("carts", "cart-ada", Cart(version: 1, customer: "cus-ada"))).EnsureSuccessStatusCode();
        await _app.SyncAsync();
        (await client.PutAsync("carts", "cart-ada", Cart(version: 2, customer: "cus-ada", quantity: 3))).EnsureSuccessStatusCode();

        await _app.SyncAsync();

        _salesforce.Records.Keys.Where(k => k.Type == "Contact").ShouldHaveSingleItem();
        var role = _salesforce.ContactRoles.ShouldHaveSingleItem();
        role["Role"]!.GetValue<string>().ShouldBe("Economic Buyer");
        await using var db = _app.CreateDbContext();
        var opportunity = await db.Opportunities.SingleAsync();
        role["OpportunityId"]!.GetValue<string>().ShouldBe(opportunity.ExternalCrmId);
        opportunity.ExternalContactRoleId.ShouldNotBeNull();
        opportunity.ContactRole.ShouldBe("Economic Buyer");
    }

    [Fact]
    public async Task TheClientSecretNeverLeavesTheTokenRequest()
    {
        await PushCartsAsync(3);
        await _app.SyncAsync();

        var tokenCall = _salesforce.Calls.Single(c => c.Path == "/services/oauth2/token");
        tokenCall.Method.ShouldBe("POST");
        _salesforce.Calls.Where(c => c.Path != "/services/oauth2/token")
            .ShouldAllBe(c => c.Body == null || !c.Body.ToJsonString().Contains(FakeSalesforce.ClientSecret));
        await using var db = _app.CreateDbContext();
        (await db.Carts.AnyAsync(c => c.CrmSync.LastError != null && c.CrmSync.LastError.Contains(FakeSalesforce.ClientSecret))).ShouldBeFalse();
    }

    [Fact]
    public async Task TestConnectionFetchesATokenAndSaysWhichInstanceAnswered()
    {
        var message = await _app.Get<CommerceDesk.Web.Crm.Connectors.SalesforceConnector>().TestConnectionAsync(CancellationToken.None);

        message.ShouldBe($"Connected: Salesforce issued an access token for {_salesforce.BaseUrl}.");
        _salesforce.TokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task ARefusedTokenRequestSaysWhyWithoutTheSecret()
    {
        await using var wrong = NewApp(_provider);
        foreach (var (key, value) in _app.Settings) wrong.Settings[key] = value;
        wrong.Settings["Crm:Salesforce:ClientSecret"] = "not-the-secret";

        var error = await Should.ThrowAsync<CommerceDesk.Web.Crm.Connectors.SalesforceException>(
            () => wrong.Get<CommerceDesk.Web.Crm.Connectors.SalesforceConnector>().TestConnectionAsync(CancellationToken.None));

        error.Message.ShouldBe("Salesforce refused the token request (400): invalid client credentials");
        error.Message.ShouldNotContain("not-the-secret");
    }
}
