using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Orders.MassActions;
using CommerceDesk.Web.Orders.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Tests.Orders;

/// <summary>"Change status" on the grid's picked orders: only moves open to all of them, each order moved as on its own page.</summary>
public abstract class MassStatusChangeTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : MassStatusChangeTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MassStatusChangeTests(DatabaseProvider.Postgres);

    private static readonly Actor Anna = new("u-anna", "Anna Manager");

    private EmailTestKit _kit = null!;
    private readonly List<long> _incoming = [];
    private long _cancelled;

    public async Task InitializeAsync()
    {
        _kit = await EmailTestKit.CreateAsync(provider);
        var channel = await _kit.AddChannelAsync(reminders: false);
        await new OrderStatusSeeder(_kit.Factory).SeedAsync(CancellationToken.None);
        await using var db = _kit.Db();
        for (var n = 1; n <= 4; n++)
        {
            var order = new OrderBuilder().InChannel(channel.Id).WithExternalId($"o-{n}").WithNumber($"W-{n}").Build();
            if (n == 4) order.Cancel();
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            if (n == 4) _cancelled = order.Id;
            else _incoming.Add(order.Id);
        }
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private ChangeStatusOfOrders Service()
    {
        var factory = TestDatabase.Factory(_kit.Path, AppEventHandlers.Interceptor(_kit.Time, o => o.BackOfficeUrl = "https://desk.example.com"));
        return new ChangeStatusOfOrders(factory, new ChangeOrderStatus(factory, _kit.Time, NullLogger<ChangeOrderStatus>.Instance));
    }

    [Fact]
    public async Task OffersOnlyTheStatusesOpenToEveryPickedOrder()
    {
        var incomingOnly = await Service().ChoicesAsync(_incoming);
        incomingOnly.Common.Select(d => d.Code).ShouldBe([InProcess, Cancelled]);

        var mixed = await Service().ChoicesAsync([.. _incoming, _cancelled]);
        mixed.Common.ShouldBeEmpty();
        mixed.CurrentCodes.Order().ShouldBe([Cancelled, Incoming]);
    }

    [Fact]
    public async Task MovesThePickedOrdersWithTheirHistoryAndEmailsAndReportsTheRefusedOne()
    {
        var report = await Service().RunAsync([.. _incoming, _cancelled], InProcess, "Packed in the morning", Anna);

        report.Done.ShouldBe(3);
        report.Refusals.ShouldHaveSingleItem().ShouldBe("W-4: An order that is 'Cancelled' cannot move to 'In process'.");
        report.Summary.ShouldStartWith("Moved 3 orders, refused 1: W-4:");
        await using var db = _kit.Db();
        (await db.Orders.Where(o => _incoming.Contains(o.Id)).Select(o => o.Status).ToListAsync()).ShouldAllBe(s => s == InProcess);
        (await db.Orders.Where(o => o.Id == _cancelled).Select(o => o.Status).SingleAsync()).ShouldBe(Cancelled);
        var history = await db.OrderStatusHistory.Where(h => _incoming.Contains(h.OrderId)).ToListAsync();
        history.Count.ShouldBe(3);
        history.ShouldAllBe(h => h.FromCode == Incoming && h.ToCode == InProcess && h.ChangedBy == "Anna Manager" && h.Note == "Packed in the morning");
        // In process e-mails the customer: once per moved order, keyed as the single move keys it.
        var emails = await db.Set<OutboxMessage>().Where(m => m.DedupeKey.StartsWith("order-status:")).Select(m => m.DedupeKey).ToListAsync();
        emails.Order().ShouldBe(_incoming.Select(id => $"order-status:{id}:{InProcess}:1").Order());
    }
}
