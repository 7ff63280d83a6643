using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Relating;
using CommerceDesk.Web.Accounts.Settings;
using CommerceDesk.Web.Accounts.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Accounts;

/// <summary>An account's lifetime sales value follows its orders, refunds and credit memos, in the reporting currency.</summary>
public abstract class LifetimeValueTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : LifetimeValueTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : LifetimeValueTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Admin = new("a1", "Ann Admin");

    [Fact]
    public async Task OrdersInTwoCurrenciesNetOfARefundAndACreditMemoAddUpInTheReportingCurrency()
    {
        var editor = factory.Services.GetRequiredService<AccountSettingsEditor>();
        await editor.SaveRateAsync("USD", 0.9m, Admin, default);
        await Job().RunAsync(default);
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var channel = await shop.ChannelAsync();
        var customer = await shop.CustomerAsync(channel, "ltv-1", "Lena", "Value", "lena@example.com", accountName: "Lena Value");

        var euro = await OrderAsync(db, channel.Id, customer, "LTV-1", "EUR", 100m, PaymentStatus.Paid);
        var dollar = await OrderAsync(db, channel.Id, customer, "LTV-2", "USD", 200m, PaymentStatus.Paid);
        await OrderAsync(db, channel.Id, customer, "LTV-3", "EUR", 50m, PaymentStatus.Pending); // a quote, not a sale yet
        (await ValueAsync(customer)).ShouldBe(100m + 180m);

        await HandleAsync(db, new OrderRefunded(euro, 40m, Clock.Start));
        (await ValueAsync(customer)).ShouldBe(60m + 180m);

        await HandleAsync(db, new OrderCreditMemoIssued(dollar, "INV-7", 20m, Clock.Start));
        await HandleAsync(db, new OrderRefunded(euro, 40m, Clock.Start)); // the same refund again
        (await ValueAsync(customer)).ShouldBe(60m + 162m);

        await editor.SaveRateAsync("USD", 1.0m, Admin, default);
        await Job().RunAsync(default);
        (await ValueAsync(customer)).ShouldBe(60m + 180m);
    }

    [Fact]
    public async Task LargestOrdersAtTheHighestRateStopTheValueAtItsMaximumInsteadOfRefusingTheOrder()
    {
        await factory.Services.GetRequiredService<AccountSettingsEditor>().SaveRateAsync("GBP", 999_999m, Admin, default);
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var channel = await shop.ChannelAsync();
        var customer = await shop.CustomerAsync(channel, "ltv-max", "Max", "Value", "max@example.com", accountName: "Max Value");

        foreach (var number in new[] { "LTV-MAX-1", "LTV-MAX-2" })
        {
            var order = new Order(channel.Id, "ext-" + number, new OrderSnapshot(number, null, customer.ExternalId, customer.Email, "GBP",
                [new LineInput("SKU-" + number, "Chandelier", 9, 100_000_000m)], new PaymentMethod("card", PaymentKind.Online), PaymentStatus.Paid, Clock.Start),
                Clock.Start, Clock.Start);
            order.LinkCustomer(customer.Id);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }

        (await ValueAsync(customer)).ShouldBe(LifetimeSalesValue.MaxValue);
    }

    private static async Task<Order> OrderAsync(CommerceDbContext db, long channelId, Customer customer, string number, string currency, decimal amount, PaymentStatus payment)
    {
        var order = new Order(channelId, "ext-" + number, new OrderSnapshot(number, null, customer.ExternalId, customer.Email, currency,
            [new LineInput("SKU-" + number, "Lamp", 1, amount)], new PaymentMethod("card", PaymentKind.Online), payment, Clock.Start), Clock.Start, Clock.Start);
        order.LinkCustomer(customer.Id);
        db.Orders.Add(order);
        await db.SaveChangesAsync(); // OrderPlaced (and OrderConfirmed when paid) recompute the account in this save
        return order;
    }

    /// <summary>Refunds and credit memos are raised by billing; here their handler runs inside a save as the app runs it.</summary>
    private static async Task HandleAsync(CommerceDbContext db, IDomainEvent domainEvent)
    {
        var handler = new RecomputeAccountValue();
        await (domainEvent switch
        {
            OrderRefunded refunded => handler.HandleAsync(refunded, db, default),
            OrderCreditMemoIssued memo => handler.HandleAsync(memo, db, default),
            _ => throw new ArgumentException("Not a money-back event.", nameof(domainEvent)),
        });
        await db.SaveChangesAsync();
    }

    private async Task<decimal> ValueAsync(Customer customer)
    {
        await using var db = factory.CreateDbContext();
        return await db.Accounts.Where(a => a.Id == customer.AccountId).Select(a => a.LifetimeSalesValue).SingleAsync();
    }

    private AccountRelationJob Job() => factory.Services.GetRequiredService<AccountRelationJob>();
}
