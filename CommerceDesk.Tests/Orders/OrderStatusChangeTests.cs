using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Orders.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Tests.Orders;

/// <summary>
/// Changing an order's status on a real database: the seeded lifecycle, the history, two managers at once, and the
/// e-mails each status's actions queue (exactly once).
/// </summary>
public abstract class OrderStatusChangeTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : OrderStatusChangeTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OrderStatusChangeTests(DatabaseProvider.Postgres);

    private static readonly Actor Anna = new("u-anna", "Anna Manager");
    private static readonly Actor Ben = new("u-ben", "Ben Manager");

    private EmailTestKit _kit = null!;
    private Channel _channel = null!;
    private string? _staffAddress;
    private long _orderId;

    public async Task InitializeAsync()
    {
        _kit = await EmailTestKit.CreateAsync(provider);
        _channel = await _kit.AddChannelAsync(reminders: false);
        await new OrderStatusSeeder(_kit.Factory).SeedAsync(CancellationToken.None);
        await using var db = Open();
        var order = new OrderBuilder().InChannel(_channel.Id).Build();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        _orderId = order.Id;
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor Events() => AppEventHandlers.Interceptor(_kit.Time, o =>
    {
        o.StaffAddress = _staffAddress;
        o.BackOfficeUrl = "https://desk.example.com";
    });

    private CommerceDbContext Open() => TestDatabase.Open(_kit.Path, Events());

    private ChangeOrderStatus Service() => new(TestDatabase.Factory(_kit.Path, Events()), _kit.Time, NullLogger<ChangeOrderStatus>.Instance);

    private async Task<StatusChangeOutcome> MoveAsync(string to, Actor? by = null, string? note = null)
    {
        await using var db = _kit.Db();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == _orderId);
        return await Service().RunAsync(_orderId, to, note, by ?? Anna, order.Version, order.StatusSequence);
    }

    private async Task<List<OutboxMessage>> StatusEmailsAsync()
    {
        await using var db = _kit.Db();
        return await db.Set<OutboxMessage>().Where(m => m.DedupeKey.StartsWith("order-status:")).OrderBy(m => m.DedupeKey).ToListAsync();
    }

    [Fact]
    public async Task TheDefaultLifecycleIsSeededOnceAndAnAdminsEditSurvivesTheNextStart()
    {
        await using (var db = _kit.Db())
        {
            var incoming = await db.OrderStatusDefinitions.SingleAsync(d => d.Code == Incoming);
            incoming.Edit("New", "#000000", false, [Cancelled], null, true);
            await db.SaveChangesAsync();
        }

        await new OrderStatusSeeder(_kit.Factory).SeedAsync(CancellationToken.None);

        await using var read = _kit.Db();
        (await read.OrderStatusDefinitions.CountAsync()).ShouldBe(DefaultOrderStatuses.Create().Count);
        var edited = await read.OrderStatusDefinitions.SingleAsync(d => d.Code == Incoming);
        (edited.Name, edited.Colour, edited.CustomerVisible, edited.EmailStaff).ShouldBe(("New", "#000000", false, true));
        edited.AllowedNext.ShouldBe([Cancelled]);
        (await read.OrderStatusDefinitions.SingleAsync(d => d.Code == Delivered)).ParentCode.ShouldBe(Completed);
    }

    [Fact]
    public async Task AChangeStoresTheOrdersStatusAndItsHistoryLine()
    {
        (await MoveAsync(InProcess, note: "Picked by Joe")).Succeeded.ShouldBeTrue();
        _kit.Time.Advance(TimeSpan.FromHours(1));
        (await MoveAsync(Delivered, Ben)).Succeeded.ShouldBeTrue();

        await using var db = _kit.Db();
        var order = await db.Orders.SingleAsync(o => o.Id == _orderId);
        (order.Status, order.SubStatus, order.StatusSequence).ShouldBe((Completed, Delivered, 2));
        var history = await db.OrderStatusHistory.Where(h => h.OrderId == _orderId).OrderBy(h => h.Sequence).ToListAsync();
        history.Select(h => (h.FromCode, h.ToCode, h.ChangedBy, h.Note)).ShouldBe(
        [
            (Incoming, InProcess, "Anna Manager", "Picked by Joe"),
            (InProcess, Delivered, "Ben Manager", null),
        ]);
        history[1].ChangedAt.ShouldBe(_kit.Now);
        history[1].ChangedAt.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public async Task AMoveTheLifecycleRefusesChangesNothing()
    {
        var outcome = await MoveAsync(Refunded);

        outcome.Result.ShouldBe(StatusChangeResult.Refused);
        outcome.Message.ShouldBe("An order that is 'Incoming' cannot move to 'Refunded'.");
        await using var db = _kit.Db();
        (await db.Orders.SingleAsync(o => o.Id == _orderId)).Status.ShouldBe(Incoming);
        (await db.OrderStatusHistory.CountAsync()).ShouldBe(0);
        (await StatusEmailsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task OfTwoManagersMovingTheSameOrderTheSecondIsToldWhoWasFirst()
    {
        await using var db = _kit.Db();
        var seen = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == _orderId);

        var anna = await Service().RunAsync(_orderId, InProcess, null, Anna, seen.Version, seen.StatusSequence);
        var ben = await Service().RunAsync(_orderId, Cancelled, null, Ben, seen.Version, seen.StatusSequence);

        anna.Succeeded.ShouldBeTrue();
        ben.Result.ShouldBe(StatusChangeResult.Conflict);
        ben.Message.ShouldBe("This order was changed by Anna Manager; reload");
        await using var read = _kit.Db();
        (await read.Orders.SingleAsync(o => o.Id == _orderId)).Status.ShouldBe(InProcess);
        (await read.OrderStatusHistory.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task TwoSavesOfTheSameLoadedOrderCannotBothWin()
    {
        await using var first = Open();
        await using var second = Open();
        var rules = new OrderStatusRules(await first.OrderStatusDefinitions.AsNoTracking().ToListAsync());
        var mine = await first.Orders.SingleAsync(o => o.Id == _orderId);
        var theirs = await second.Orders.SingleAsync(o => o.Id == _orderId);
        first.OrderStatusHistory.Add(mine.ChangeStatus(InProcess, rules, Anna, null, _kit.Now));
        second.OrderStatusHistory.Add(theirs.ChangeStatus(Cancelled, rules, Ben, null, _kit.Now));

        await first.SaveChangesAsync();
        var lost = await Should.ThrowAsync<DbUpdateException>(() => second.SaveChangesAsync());

        DbErrors.IsRace(lost).ShouldBeTrue();
        await using var read = _kit.Db();
        (await read.OrderStatusHistory.Select(h => h.ChangedBy).ToListAsync()).ShouldBe(["Anna Manager"]);
        (await StatusEmailsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AStatusThatEmailsTheCustomerQueuesItsTemplateOnceUnderTheHistoryKey()
    {
        _staffAddress = "orders@shop.example.com";

        await MoveAsync(InProcess);

        var message = (await StatusEmailsAsync()).ShouldHaveSingleItem();
        message.DedupeKey.ShouldBe($"order-status:{_orderId}:{InProcess}:1");
        message.To.ShouldBe("ada@example.com");
        message.Subject.ShouldBe($"Order 100001: In process");
    }

    [Fact]
    public async Task AStatusThatEmailsStaffQueuesOnlyTheStaffNotice()
    {
        _staffAddress = "orders@shop.example.com";
        await MoveAsync(InProcess);
        await MoveAsync(Delivered);
        var before = (await StatusEmailsAsync()).Count;

        await MoveAsync(RefundRequested);

        var added = (await StatusEmailsAsync()).Where(m => m.DedupeKey.Contains(RefundRequested)).ToList();
        added.ShouldHaveSingleItem().DedupeKey.ShouldBe($"order-status:{_orderId}:{RefundRequested}:3:staff");
        added[0].To.ShouldBe("orders@shop.example.com");
        added[0].Subject.ShouldBe($"Order 100001 is now Refund requested");
        (await StatusEmailsAsync()).Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task WithoutAStaffAddressTheStaffActionSendsNothing()
    {
        await MoveAsync(InProcess);
        await MoveAsync(Delivered);
        var before = (await StatusEmailsAsync()).Count;

        (await MoveAsync(RefundRequested)).Succeeded.ShouldBeTrue();

        (await StatusEmailsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task AStatusWithBothActionsQueuesBothAndAStatusWithNoneQueuesNothing()
    {
        _staffAddress = "orders@shop.example.com";
        await using (var db = _kit.Db())
        {
            var cancelled = await db.OrderStatusDefinitions.SingleAsync(d => d.Code == Cancelled);
            cancelled.Edit(cancelled.Name, cancelled.Colour, true, [], EmailTemplateKeys.OrderStatusChanged, emailStaff: true);
            await db.SaveChangesAsync();
        }

        await MoveAsync(InProcess);
        await MoveAsync(ProductValuation);
        (await StatusEmailsAsync()).Count.ShouldBe(1);

        var other = await OtherOrderAsync();
        await using (var db = _kit.Db())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == other);
            (await Service().RunAsync(other, Cancelled, null, Anna, order.Version, order.StatusSequence)).Succeeded.ShouldBeTrue();
        }
        (await StatusEmailsAsync()).Where(m => m.DedupeKey.StartsWith($"order-status:{other}:")).Select(m => m.DedupeKey)
            .ShouldBe([$"order-status:{other}:{Cancelled}:1", $"order-status:{other}:{Cancelled}:1:staff"]);
    }

    [Fact]
    public async Task TheSameChangeHandledAgainQueuesNothingMore()
    {
        _staffAddress = "orders@shop.example.com";
        await MoveAsync(InProcess);
        await using var db = Open();
        var order = await db.Orders.SingleAsync(o => o.Id == _orderId);
        var change = await db.OrderStatusHistory.SingleAsync(h => h.OrderId == _orderId);
        var handler = new RunOrderStatusActions(
            Options.Create(new EmailOptions { StaffAddress = _staffAddress }), _kit.Time, NullLogger<RunOrderStatusActions>.Instance);

        await handler.HandleAsync(new OrderStatusChanged(order, change), db, CancellationToken.None);
        await db.SaveChangesAsync();

        (await StatusEmailsAsync()).Count.ShouldBe(1);
    }

    private async Task<long> OtherOrderAsync()
    {
        await using var db = Open();
        var order = new OrderBuilder().InChannel(_channel.Id).WithExternalId("web-order-2").Build();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }
}
