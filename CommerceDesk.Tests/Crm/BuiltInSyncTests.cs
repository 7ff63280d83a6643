using System.Globalization;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Crm.Sync;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Crm;

/// <summary>DESIGN §7 end to end with the built-in connector: storefront pushes → queue → sync job → opportunities.</summary>
public abstract class BuiltInSyncTests(CrmFactory factory)
{
    public sealed class OnSqlite(CrmFactory factory) : BuiltInSyncTests(factory), IClassFixture<CrmFactory>;

    public sealed class OnPostgres(PostgresCrmFactory factory) : BuiltInSyncTests(factory), IClassFixture<PostgresCrmFactory>;

    private static readonly CrmSettings CartsOn = CrmSettings.Defaults with { CartAutomaticSync = true, AbandonedCartStage = OpportunityStages.Proposal, CartExpectedCloseDays = 7 };

    [Fact]
    public async Task ACartReachingShippingWithAutomaticSyncGetsOneOpportunityInTheAbandonedCartStage()
    {
        await factory.SaveSettingsAsync(CartsOn);
        var id = NewId("cart");
        var client = factory.CreateStorefrontClient();
        (await client.PutAsync("carts", id, Cart(version: 1))).EnsureSuccessStatusCode();
        (await client.PutAsync("carts", id, Cart(version: 2, step: "shipping"))).EnsureSuccessStatusCode();

        await using (var db = factory.CreateDbContext())
            (await db.Carts.SingleAsync(c => c.ExternalId == id)).CrmSync.Status.ShouldBe(CrmSyncStatus.Pending);
        await factory.SyncAsync();

        await using var check = factory.CreateDbContext();
        var cart = await check.Carts.SingleAsync(c => c.ExternalId == id);
        var opportunity = await check.Opportunities.SingleAsync(o => o.SourceCartId == cart.Id);
        cart.CrmSync.Status.ShouldBe(CrmSyncStatus.Synced);
        cart.CrmSync.ExternalId.ShouldBe(opportunity.Id.ToString(CultureInfo.InvariantCulture));
        opportunity.Stage.ShouldBe(OpportunityStages.Proposal);
        opportunity.CloseDate.ShouldBe(factory.Time.GetUtcNow().UtcDateTime.Date.AddDays(7));
        opportunity.Amount.Amount.ShouldBe(24.90m);
        opportunity.ExternalCrmId.ShouldBe(cart.CrmSync.ExternalId);

        var body = await (await client.GetRecordAsync("carts", id)).JsonAsync();
        body["crmSync"]!["status"]!.GetValue<string>().ShouldBe("synced");
        body["crmSync"]!["externalId"]!.GetValue<string>().ShouldBe(cart.CrmSync.ExternalId);
    }

    [Fact]
    public async Task WithAutomaticSyncOffAPushQueuesNothing()
    {
        await factory.SaveSettingsAsync(CartsOn with { CartAutomaticSync = false });
        var id = NewId("cart");
        (await factory.CreateStorefrontClient().PutAsync("carts", id, Cart(version: 1, step: "shipping"))).EnsureSuccessStatusCode();

        await using var db = factory.CreateDbContext();
        var cart = await db.Carts.SingleAsync(c => c.ExternalId == id);
        cart.CrmSync.Status.ShouldBe(CrmSyncStatus.NotSynced);
        (await db.CrmSyncQueue.AnyAsync(e => e.CartId == cart.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task APushThatChangesNothingTheCrmFollowsQueuesNothing()
    {
        await factory.SaveSettingsAsync(CartsOn);
        var id = NewId("cart");
        var client = factory.CreateStorefrontClient();
        (await client.PutAsync("carts", id, Cart(version: 1))).EnsureSuccessStatusCode();
        await factory.SyncAsync();

        var sameContent = Cart(version: 2);
        sameContent["email"] = "someone.else@example.com";
        (await client.PutAsync("carts", id, sameContent)).EnsureSuccessStatusCode();

        await using var db = factory.CreateDbContext();
        (await db.Carts.SingleAsync(c => c.ExternalId == id)).CrmSync.Status.ShouldBe(CrmSyncStatus.Synced);
    }

    [Fact]
    public async Task ManualSyncWorksWithAutomaticSyncOff()
    {
        await factory.SaveSettingsAsync(CrmSettings.Defaults);
        var id = NewId("cart");
        (await factory.CreateStorefrontClient().PutAsync("carts", id, Cart(version: 1))).EnsureSuccessStatusCode();
        long cartId;
        await using (var db = factory.CreateDbContext()) cartId = (await db.Carts.SingleAsync(c => c.ExternalId == id)).Id;

        (await factory.Get<ManualCrmSync>().QueueAsync([cartId], [], CancellationToken.None)).ShouldBe(1);
        await factory.SyncAsync();

        await using var check = factory.CreateDbContext();
        (await check.Carts.SingleAsync(c => c.Id == cartId)).CrmSync.Status.ShouldBe(CrmSyncStatus.Synced);
        (await check.Opportunities.CountAsync(o => o.SourceCartId == cartId)).ShouldBe(1);
    }

    [Fact]
    public async Task AnOrderPlacedFromASyncedCartTakesOverItsOpportunityAndAPaidOneIsConverted()
    {
        await factory.SaveSettingsAsync(CartsOn with { OrderAutomaticSync = true, ConvertOpportunity = true, ConvertedStage = OpportunityStages.ClosedWon, DraftStage = OpportunityStages.Draft });
        var cartId = NewId("cart");
        var orderId = NewId("order");
        var client = factory.CreateStorefrontClient();
        (await client.PutAsync("carts", cartId, Cart(version: 1, step: "shipping"))).EnsureSuccessStatusCode();
        await factory.SyncAsync();
        (await client.PutAsync("orders", orderId, Order(version: 1, cart: cartId, paymentStatus: "paid"))).EnsureSuccessStatusCode();

        await factory.SyncAsync();

        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.ExternalId == orderId);
        var opportunity = await db.Opportunities.SingleAsync(o => o.SourceOrderId == order.Id);
        (await db.Opportunities.CountAsync(o => o.SourceCartId == order.CartId)).ShouldBe(1);
        opportunity.SourceCartId.ShouldBe(order.CartId);
        order.CrmSync.Status.ShouldBe(CrmSyncStatus.Synced);
        order.CrmSync.ExternalId.ShouldBe(opportunity.Id.ToString(CultureInfo.InvariantCulture));
        opportunity.Stage.ShouldBe(OpportunityStages.ClosedWon);
        opportunity.StageHistory.Select(h => h.ToStage).ShouldBe([OpportunityStages.Proposal, OpportunityStages.Draft, OpportunityStages.ClosedWon]);
    }

    [Fact]
    public async Task CreateOpportunityNeverLeavesAnOrderWithoutOneAndSaysWhy()
    {
        await factory.SaveSettingsAsync(CrmSettings.Defaults with { OrderAutomaticSync = true, CreateOpportunity = CreateOpportunityMode.Never });
        var orderId = NewId("order");
        (await factory.CreateStorefrontClient().PutAsync("orders", orderId, Order(version: 1, paymentStatus: "paid"))).EnsureSuccessStatusCode();

        await factory.SyncAsync();

        await using var db = factory.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.ExternalId == orderId);
        (await db.Opportunities.AnyAsync(o => o.SourceOrderId == order.Id)).ShouldBeFalse();
        order.CrmSync.Status.ShouldBe(CrmSyncStatus.NotSynced);
        order.CrmSync.LastError.ShouldNotBeNull().ShouldContain("Create opportunity is Never");
    }

    [Fact]
    public async Task EverySettingsChangeIsAuditedWithWhoAndOldAndNewValue()
    {
        await factory.SaveSettingsAsync(CrmSettings.Defaults);
        await factory.SaveSettingsAsync(CrmSettings.Defaults with { SalesCycleDays = 15 });

        var audit = await factory.Get<CommerceDesk.Web.Crm.Settings.CrmSettingsStore>().AuditAsync(10, CancellationToken.None);
        var line = audit.First();
        line.Setting.ShouldBe("Orders: Sales cycle length");
        (line.OldValue, line.NewValue, line.ChangedBy).ShouldBe(("30", "15", "Alex Admin"));
    }
}
