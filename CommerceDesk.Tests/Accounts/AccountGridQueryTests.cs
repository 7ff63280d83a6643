using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts;
using CommerceDesk.Web.Accounts.Values;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Accounts;

/// <summary>The accounts grid: sorted by name, value or customers, with open opportunities and the latest activity.</summary>
public abstract class AccountGridQueryTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : AccountGridQueryTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : AccountGridQueryTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    [Fact]
    public async Task RowsSortBySalesValueOrCustomersAndCarryOpenOpportunitiesAndTheLatestActivity()
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var channel = await shop.ChannelAsync();
        var big = await shop.CustomerAsync(channel, "grid-big", "Bella", "Big", "bella@example.com", accountName: "Grid Big");
        var small = await shop.CustomerAsync(channel, "grid-small", "Sam", "Small", "sam@example.com", accountName: "Grid Small");
        var paid = await shop.OrderAsync(channel, "G-1", big, Clock.Start, unitPrice: 500m, payment: PaymentStatus.Paid);
        await shop.OrderAsync(channel, "G-2", small, Clock.Start, unitPrice: 5m, payment: PaymentStatus.Paid);
        var cart = await shop.CartAsync(channel, "grid-cart", big, Clock.Start);
        db.Opportunities.Add(Opportunity.FromCart(cart, big, new Actor("m", "Maria"), Clock.Start));
        db.Activities.Add(new NoteActivity(ActivityTarget.Of(paid), "Called.", new Actor("m", "Maria"), Clock.Start.AddDays(1)));
        await db.SaveChangesAsync();
        await factory.Services.GetRequiredService<AccountTotals>().RecomputeAsync(db, [big.AccountId!.Value, small.AccountId!.Value], default);

        var byValue = await Query.RunAsync(db, new AccountGridFilter("Grid"), new GridPaging(0, 10, nameof(AccountRow.LifetimeSalesValue), Descending: true));
        var byName = await Query.RunAsync(db, new AccountGridFilter("grid"), new GridPaging(0, 10, nameof(AccountRow.Name), Descending: false));

        byValue.Rows.Select(r => r.Name).ShouldBe(["Grid Big", "Grid Small"]);
        byName.Rows.Select(r => r.Name).ShouldBe(["Grid Big", "Grid Small"]);
        var row = byValue.Rows[0];
        row.ShouldSatisfyAllConditions(
            r => r.LifetimeSalesValue.ShouldBe(500m), r => r.CustomerCount.ShouldBe(1), r => r.OpenOpportunities.ShouldBe(1),
            r => r.LastActivityAt.ShouldBe(Clock.Start.AddDays(1)));
        byValue.Rows[1].LastActivityAt.ShouldBeNull();
    }

    [Fact]
    public async Task TheStatusFilterShowsActiveOrInactiveAccountsAndSortsByCustomers()
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var channel = await shop.ChannelAsync();
        var first = await shop.CustomerAsync(channel, "status-a1", "Ada", "One", "ada1@example.com", accountName: "Status Busy");
        var second = await shop.CustomerAsync(channel, "status-a2", "Ada", "Two", "ada2@example.com");
        second.AssignAccount(first.AccountId!.Value);
        await shop.CustomerAsync(channel, "status-b", "Ben", "Left", "ben@example.com", accountName: "Status Left");
        await db.SaveChangesAsync();
        await db.Accounts.Where(a => a.Name == "Status Busy").ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerCount, 2));
        await db.Accounts.Where(a => a.Name == "Status Left").ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerCount, 0).SetProperty(a => a.IsActive, false));

        var inactive = await Query.RunAsync(db, new AccountGridFilter("Status", Active: false), new GridPaging(0, 10));
        var active = await Query.RunAsync(db, new AccountGridFilter("Status", Active: true), new GridPaging(0, 10));
        var byCustomers = await Query.RunAsync(db, new AccountGridFilter("Status"), new GridPaging(0, 10, nameof(AccountRow.CustomerCount), Descending: false));

        inactive.ShouldSatisfyAllConditions(p => p.TotalCount.ShouldBe(1), p => p.Rows.Single().Name.ShouldBe("Status Left"), p => p.Rows.Single().IsActive.ShouldBeFalse());
        active.ShouldSatisfyAllConditions(p => p.TotalCount.ShouldBe(1), p => p.Rows.Single().Name.ShouldBe("Status Busy"));
        byCustomers.Rows.Select(r => (r.Name, r.CustomerCount)).ShouldBe([("Status Left", 0), ("Status Busy", 2)]);
    }

    [Fact]
    public async Task SearchWildcardsAreMatchedLiterally()
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var channel = await shop.ChannelAsync();
        await shop.CustomerAsync(channel, "wild-1", "W", "One", "w1@example.com", accountName: "Wild_Card 100% Ltd");
        await shop.CustomerAsync(channel, "wild-2", "W", "Two", "w2@example.com", accountName: "WildXCard 100 Ltd");

        var page = await Query.RunAsync(db, new AccountGridFilter("wild_card 100%"), new GridPaging(0, 10));

        page.Rows.Select(r => r.Name).ShouldBe(["Wild_Card 100% Ltd"]);
    }

    [Fact]
    public async Task SearchFindsAnyWordOfTheNameIgnoringCaseAndAccentsAndFollowsARename()
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var channel = await shop.ChannelAsync();
        await shop.CustomerAsync(channel, "fts-1", "Jörg", "Müller", "joerg@example.com", accountName: "Müller Handels GmbH");
        var renamed = await shop.CustomerAsync(channel, "fts-2", "Otto", "Old", "otto@example.com", accountName: "Oldname Trading");
        await shop.CustomerAsync(channel, "fts-3", "Hans", "Handel", "hans@example.com", accountName: "Handelmann Partners");

        var byLaterWord = await Query.RunAsync(db, new AccountGridFilter("handels gmbh"), new GridPaging(0, 10));
        var withoutAccent = await Query.RunAsync(db, new AccountGridFilter("MULLER"), new GridPaging(0, 10));
        var account = await db.Accounts.SingleAsync(a => a.Id == renamed.AccountId);
        account.Rename("Newname Trading");
        await db.SaveChangesAsync();
        var oldName = await Query.RunAsync(db, new AccountGridFilter("oldname"), new GridPaging(0, 10));
        var newName = await Query.RunAsync(db, new AccountGridFilter("newname trad"), new GridPaging(0, 10));

        byLaterWord.Rows.Select(r => r.Name).ShouldBe(["Müller Handels GmbH"]);
        withoutAccent.Rows.Select(r => r.Name).ShouldBe(["Müller Handels GmbH"]);
        oldName.TotalCount.ShouldBe(0);
        newName.Rows.Select(r => r.Name).ShouldBe(["Newname Trading"]);
    }

    private static readonly AccountGridQuery Query = new();

    [Fact]
    public async Task OpenOpportunitiesLeaveOutTheWonAndLostStagesOfTheStageTable()
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var customer = await shop.CustomerAsync(await shop.ChannelAsync(), "staged-account", "Stella", "Stage", "stella@example.com", accountName: "Staged Account");
        foreach (var (name, probability, category) in new[] { ("Lost to a competitor", 0, StageCategory.Lost), ("Trial running", 40, StageCategory.Open) })
            if (!await db.OpportunityStageDefinitions.AnyAsync(s => s.Name == name))
                db.OpportunityStageDefinitions.Add(new OpportunityStageDefinition(name, probability, category, 20));
        var manager = new Actor("m", "Maria");
        foreach (var stage in new[] { "Lost to a competitor", "Trial running", OpportunityStages.ClosedWon, OpportunityStages.Prospecting })
            db.Opportunities.Add(Opportunity.ForCustomer($"Deal at {stage}", customer.AccountId, customer.Id, new Money(100m, "EUR"), stage, Clock.Start, manager, Clock.Start));
        await db.SaveChangesAsync();

        var page = await Query.RunAsync(db, new AccountGridFilter("Staged"), new GridPaging(0, 10, nameof(AccountRow.Name), Descending: false));

        page.Rows.Single().OpenOpportunities.ShouldBe(2);
    }
}
