using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Api;

/// <summary>Every grid's CSV download reads the same filters its grid's link carries.</summary>
public abstract class GridExportTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : GridExportTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : GridExportTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Fact]
    public async Task TheCartsExportHoldsTheCartsOfTheLinksStatus()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.CartAsync(web, "EXP-ABANDONED", null, Clock.Start, email: "gone@shop.test", abandoned: true);
            await shop.CartAsync(web, "EXP-OPEN", null, Clock.Start, email: "here@shop.test");
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var abandoned = await manager.GetStringAsync("/export/carts.csv?status=abandoned");

        abandoned.ShouldContain("Cart,Channel,Customer,E-mail");
        abandoned.ShouldContain("EXP-ABANDONED");
        abandoned.ShouldNotContain("EXP-OPEN");
    }

    [Fact]
    public async Task TheCustomersExportHoldsTheKindTheLinkAsksFor()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.CustomerAsync(web, "exp-guest", "Gustav", "Guest", "gustav@shop.test", isGuest: true);
            await shop.CustomerAsync(web, "exp-member", "Mia", "Member", "mia@shop.test");
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var guests = await manager.GetStringAsync("/export/customers.csv?guests=true");

        guests.ShouldContain("Name,E-mail,Phone,Channel,Guest");
        guests.ShouldContain("gustav@shop.test");
        guests.ShouldNotContain("mia@shop.test");
    }

    [Fact]
    public async Task TheOrdersExportUsesTheGridsWordsAndIsoUtcTimes()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.OrderAsync(web, "EXP-LABELS", null, new DateTime(2026, 11, 2, 10, 15, 0, DateTimeKind.Utc), email: "label@shop.test", payment: CommerceDesk.Domain.Orders.PaymentStatus.Paid);
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var csv = await manager.GetStringAsync("/export/orders.csv?search=EXP-LABELS");

        var row = csv.Split('\n').Single(l => l.StartsWith("EXP-LABELS"));
        row.ShouldContain(",2026-11-02T10:15:00Z,");
        row.ShouldContain(",Not synced with CRM,");
        row.ShouldNotContain("NotSynced");
        row.ShouldNotContain("QuotationSent");
        row.ShouldNotContain("SalesOrder");
    }

    [Fact]
    public async Task TheOrdersExportNamesTheStatusAndSubStatusAsTheGridDoes()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var order = await shop.OrderAsync(web, "EXP-DELIVERED", null, new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc), email: "sub@shop.test");
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(o => o
                .SetProperty(x => x.Status, OrderStatuses.Completed).SetProperty(x => x.SubStatus, OrderStatuses.Delivered));
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var csv = await manager.GetStringAsync("/export/orders.csv?search=EXP-DELIVERED");

        csv.Split('\n').Single(l => l.StartsWith("EXP-DELIVERED")).ShouldContain(",Completed · Delivered,");
    }

    [Fact]
    public async Task TheOpportunitiesExportSaysAnOpportunityWasEnteredByHand()
    {
        await using (var db = factory.CreateDbContext())
        {
            var stage = await db.OpportunityStageDefinitions.OrderBy(s => s.Position).Select(s => s.Name).FirstAsync();
            db.Opportunities.Add(Opportunity.ForRecord("EXP-BY-HAND", new Money(120m, Currency.Parse("EUR")), stage,
                new DateTime(2026, 12, 15, 0, 0, 0, DateTimeKind.Utc), new Actor("u-exp", "Erin Export"), Clock.Start, null, null, null, null, null));
            await db.SaveChangesAsync();
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var csv = await manager.GetStringAsync("/export/opportunities.csv?search=EXP-BY-HAND");

        var row = csv.Split('\n').Single(l => l.StartsWith("EXP-BY-HAND"));
        row.ShouldContain(",By hand,");
        row.ShouldNotContain("Manual");
    }

    [Fact]
    public async Task TheCartsExportSpellsTheCheckoutStepAndSyncState()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.CartAsync(web, "EXP-STEP", null, new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), email: "step@shop.test");
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var csv = await manager.GetStringAsync("/export/carts.csv?search=EXP-STEP");

        var row = csv.Split('\n').Single(l => l.StartsWith("EXP-STEP"));
        row.ShouldContain(",Not started,");
        row.ShouldContain(",2026-11-02T08:00:00Z,");
        row.ShouldContain(",Not synced with CRM");
        row.ShouldNotContain("None");
    }
}
