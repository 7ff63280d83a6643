using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Orders.Placed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Tests.Orders;

/// <summary>The <see cref="OrderPlaced"/> handlers: the customer's confirmation and the staff notice, each once per order.</summary>
public abstract class PlacedOrderEmailTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : PlacedOrderEmailTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PlacedOrderEmailTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;
    private Channel _channel = null!;
    private string? _staffAddress;

    public async Task InitializeAsync()
    {
        _kit = await EmailTestKit.CreateAsync(provider);
        _channel = await _kit.AddChannelAsync(reminders: false);
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private CommerceDbContext Open() => TestDatabase.Open(_kit.Path, AppEventHandlers.Interceptor(_kit.Time, o =>
    {
        o.StaffAddress = _staffAddress;
        o.BackOfficeUrl = "https://desk.example.com";
        o.OrderTrackingUrl = "https://shop.example.com/orders/{order}?shop={channel}";
    }));

    private Order NewOrder(string email = "ada@example.com") =>
        new(_channel.Id, "web-order-7", new OrderSnapshot("100007", null, null, email, "EUR", [new("MUG", "Espresso mug", 2, 12.5m)],
            new PaymentMethod("card", PaymentKind.Online), PaymentStatus.Pending, Clock.Start), Clock.Start, Clock.Start);

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = _kit.Db();
        return await db.Set<OutboxMessage>().OrderBy(m => m.DedupeKey).ToListAsync();
    }

    [Fact]
    public async Task ANewOrderQueuesItsConfirmationRenderedFromTheTemplate()
    {
        await using (var db = Open())
        {
            db.Orders.Add(NewOrder());
            await db.SaveChangesAsync();
        }

        var message = (await OutboxAsync()).ShouldHaveSingleItem();
        message.DedupeKey.ShouldBe($"order-confirmation:{_channel.Id}:web-order-7");
        (message.To, message.Subject).ShouldBe(("ada@example.com", "Order 100007 confirmed"));
        message.TextBody.ShouldContain("2 x Espresso mug: 25.00 EUR");
        message.TextBody.ShouldContain("Total: 25.00 EUR");
        message.TextBody.ShouldContain("Follow your order: https://shop.example.com/orders/web-order-7?shop=web");
    }

    [Fact]
    public async Task WithAStaffAddressStaffGetTheNoticeWithALinkToTheOrder()
    {
        _staffAddress = "orders@shop.example.com";
        await using (var db = Open())
        {
            db.Orders.Add(NewOrder());
            await db.SaveChangesAsync();
        }

        var notice = (await OutboxAsync()).Single(m => m.DedupeKey == $"order-staff-notice:{_channel.Id}:web-order-7");
        (notice.To, notice.Subject).ShouldBe(("orders@shop.example.com", "New order 100007 (25.00 EUR)"));
        notice.TextBody.ShouldContain("100007 by ada@example.com (ada@example.com), 25.00 EUR, paid by card.");
        notice.TextBody.ShouldContain($"Open the order: https://desk.example.com/orders/placed?channel={_channel.Id}&order=web-order-7");
    }

    [Fact]
    public async Task AChannelWithItsOwnStaffAddressSendsItsNoticesThereInsteadOfTheShopWideOne()
    {
        _staffAddress = "orders@shop.example.com";
        await using (var db = _kit.Db())
        {
            (await db.Channels.SingleAsync(c => c.Id == _channel.Id)).SetStaffEmail("Outlet-Team@Shop.Example.com");
            await db.SaveChangesAsync();
        }
        await using (var db = Open())
        {
            db.Orders.Add(NewOrder());
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).Single(m => m.DedupeKey == $"order-staff-notice:{_channel.Id}:web-order-7").To.ShouldBe("outlet-team@shop.example.com");
    }

    [Fact]
    public async Task AChannelStaffAddressAloneIsEnoughForTheNotice()
    {
        _staffAddress = null;
        await using (var db = _kit.Db())
        {
            (await db.Channels.SingleAsync(c => c.Id == _channel.Id)).SetStaffEmail("outlet@shop.example.com");
            await db.SaveChangesAsync();
        }
        await using (var db = Open())
        {
            db.Orders.Add(NewOrder());
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).Select(m => m.To).ShouldBe(["ada@example.com", "outlet@shop.example.com"], ignoreOrder: true);
    }

    [Fact]
    public async Task AGuestWithoutAnAddressGetsNoConfirmation()
    {
        await using (var db = Open())
        {
            db.Orders.Add(NewOrder(email: "guest@shop.example.com"));
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUpdatedOrderQueuesNothingMore()
    {
        var order = NewOrder();
        await using (var db = Open())
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }
        await using (var db = Open())
        {
            var stored = await db.Orders.SingleAsync();
            stored.Update(new OrderSnapshot("100007", null, null, "ada@example.com", "EUR", [new("MUG", "Espresso mug", 3, 12.5m)],
                new PaymentMethod("card", PaymentKind.Online), PaymentStatus.Paid, Clock.Start), Clock.Start.AddMinutes(1)).ShouldBeTrue();
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TheSameOrderAnnouncedTwiceIsConfirmedOnce()
    {
        var handler = new SendOrderConfirmation(Options.Create(new EmailOptions()), _kit.Time, NullLogger<SendOrderConfirmation>.Instance);
        var order = NewOrder();
        await using (var db = Open())
        {
            db.Orders.Add(order);
            await handler.HandleAsync(new OrderPlaced(order), db, CancellationToken.None); // queued in this save already
            await db.SaveChangesAsync();
        }
        await using (var db = Open())
        {
            await handler.HandleAsync(new OrderPlaced(order), db, CancellationToken.None); // queued in the outbox already
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ATemplateThatNoLongerRendersGivesWayToTheBuiltInOneAndTheOrderIsStillSaved()
    {
        await using (var db = _kit.Db())
        {
            await db.Set<EmailTemplate>().Where(t => t.Key == EmailTemplateKeys.OrderConfirmation)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Subject, "Thanks for {% if %}"));
        }

        await using (var db = Open())
        {
            db.Orders.Add(NewOrder());
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).ShouldHaveSingleItem().Subject.ShouldBe("Order 100007 confirmed");
        await using var check = _kit.Db();
        (await check.Orders.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task AnAdminsEditOfTheTemplateIsWhatTheCustomerGets()
    {
        await using (var db = _kit.Db())
        {
            await db.Set<EmailTemplate>().Where(t => t.Key == EmailTemplateKeys.OrderConfirmation)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Subject, "Thank you for order {{ order.number }} at {{ shop.name }}"));
        }

        await using (var db = Open())
        {
            db.Orders.Add(NewOrder());
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).ShouldHaveSingleItem().Subject.ShouldBe("Thank you for order 100007 at Web shop");
    }
}
