using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Page;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Accounts;

/// <summary>The account page's Commerce section and activity read everything attached to the account's customers.</summary>
public abstract class AccountPageQueryTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : AccountPageQueryTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : AccountPageQueryTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Manager = new("m1", "Maria Manager");

    [Fact]
    public async Task OrdersQuotesCartsOpportunitiesAndActivityOfEveryCustomerOfTheAccountAreListed()
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var channel = await shop.ChannelAsync();
        var buyer = await shop.CustomerAsync(channel, "acc-buyer", "Bea", "Buyer", "bea@example.com", accountName: "Buyer Ltd");
        var stranger = await shop.CustomerAsync(channel, "acc-other", "Otto", "Other", "otto@example.com", accountName: "Other Ltd");
        var paid = await shop.OrderAsync(channel, "A-1", buyer, Clock.Start, payment: PaymentStatus.Paid);
        var pending = await shop.OrderAsync(channel, "A-2", buyer, Clock.Start.AddHours(1));
        await shop.OrderAsync(channel, "A-3", stranger, Clock.Start, payment: PaymentStatus.Paid);
        var cart = await shop.CartAsync(channel, "acc-cart", buyer, Clock.Start);
        db.Opportunities.Add(Opportunity.FromCart(cart, buyer, Manager, Clock.Start));
        db.Activities.Add(new NoteActivity(ActivityTarget.Of(paid), "Wants an invoice copy.", Manager, Clock.Start.AddHours(2)));
        db.Activities.Add(new NoteActivity(ActivityTarget.Of(cart), "Asked about sizes.", Manager, Clock.Start.AddHours(3)));
        await db.SaveChangesAsync();
        var account = buyer.AccountId!.Value;

        (await AccountRecords.OrdersAsync(db, account, quotes: false, 0)).Rows.Select(r => r.Number).ShouldBe(["A-1"]);
        (await AccountRecords.OrdersAsync(db, account, quotes: true, 0)).Rows.Select(r => r.Number).ShouldBe(["A-2"]);
        (await AccountRecords.CartsAsync(db, account, 0)).Rows.Select(r => r.ExternalId).ShouldBe(["acc-cart"]);
        (await AccountRecords.OpportunitiesAsync(db, account, 0)).TotalCount.ShouldBe(1);
        var activity = await AccountActivity.PageAsync(db, account, AccountActivity.AllKinds, 0);
        activity.Rows.Select(r => r.Details).ShouldBe(["Asked about sizes.", "Wants an invoice copy."]);
        (await AccountActivity.PageAsync(db, account, [AccountActivityKind.Call], 0)).TotalCount.ShouldBe(0);
        pending.CommercialState.ShouldBe(CommercialState.QuotationSent);
    }
}
