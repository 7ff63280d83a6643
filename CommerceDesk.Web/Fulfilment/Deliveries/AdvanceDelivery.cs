using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Fulfilment.Stock;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Fulfilment.Deliveries;

/// <summary>What a manager asked the delivery to do: the step, and for Ship the carrier and tracking number.</summary>
public sealed record DeliveryCommand(long OrderId, DeliveryStep Step, int ExpectedVersion, long? CarrierId = null, string? TrackingNumber = null);

public sealed record DeliveryOutcome(bool Succeeded, string? Message = null)
{
    public static DeliveryOutcome Done { get; } = new(true);
}

/// <summary>
/// Does one step of an order's delivery (pick, pack, ship, mark delivered) in one transaction: the delivery, the stock
/// it moves, the order's status move with its history line and the events' side effects. The delivery's version is
/// the concurrency token: of two managers clicking Ship at once one wins, the other is told who did it.
/// </summary>
public sealed class AdvanceDelivery(IDbContextFactory<CommerceDbContext> factory, TimeProvider time, ILogger<AdvanceDelivery> logger)
{
    public async Task<DeliveryOutcome> RunAsync(DeliveryCommand command, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var outcome = await StepAsync(db, command, actor, ct);
                if (outcome.Succeeded) await transaction.CommitAsync(ct);
                return outcome;
            });
        }
        catch (DbUpdateException e) when (DbErrors.IsRace(e))
        {
            logger.LogInformation("Delivery step {Step} of order {OrderId} lost a race", command.Step, command.OrderId);
            return await ConflictAsync(command.OrderId, ct);
        }
    }

    private async Task<DeliveryOutcome> StepAsync(CommerceDbContext db, DeliveryCommand command, Actor actor, CancellationToken ct)
    {
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.OrderId == command.OrderId, ct);
        if (delivery is null) return new(false, "This order has no delivery yet: it gets one when it is confirmed.");
        if (delivery.Version != command.ExpectedVersion) return await ConflictAsync(command.OrderId, ct);
        var order = await db.Orders.SingleAsync(o => o.Id == command.OrderId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            switch (command.Step)
            {
                case DeliveryStep.Pick:
                    delivery.Pick(actor, now);
                    break;
                case DeliveryStep.Pack:
                    delivery.Pack(actor, now);
                    break;
                case DeliveryStep.Ship:
                    if (command.CarrierId is not { } carrierId || await db.Carriers.FindAsync([carrierId], ct) is not { } carrier)
                        return new(false, "Choose the carrier the parcel leaves with.");
                    var movements = delivery.Ship(carrier, command.TrackingNumber ?? "", actor, now);
                    AddHistory(db, order.RecordShipment(delivery, await RulesAsync(db, ct), actor, now));
                    await StockLedger.BookAsync(db, order.ChannelId, movements, order.Lines, order.Currency, now, ct);
                    break;
                case DeliveryStep.Deliver:
                    delivery.MarkDelivered(actor, now);
                    AddHistory(db, order.RecordDelivery(delivery, await RulesAsync(db, ct), actor, now));
                    break;
            }
        }
        catch (DomainException e)
        {
            return new(false, e.Message);
        }
        await db.SaveChangesAsync(ct);
        return DeliveryOutcome.Done;
    }

    private static void AddHistory(CommerceDbContext db, OrderStatusChange? change)
    {
        if (change is not null) db.OrderStatusHistory.Add(change);
    }

    private static async Task<OrderStatusRules> RulesAsync(CommerceDbContext db, CancellationToken ct) =>
        new(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync(ct));

    /// <summary>Names who did the delivery's latest step, which the manager had not seen.</summary>
    private async Task<DeliveryOutcome> ConflictAsync(long orderId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.OrderId == orderId, ct);
        (DateTime? At, string? By)[] steps = delivery is null ? [] :
            [(delivery.DeliveredAt, delivery.DeliveredBy), (delivery.ShippedAt, delivery.ShippedBy), (delivery.PackedAt, delivery.PackedBy), (delivery.PickedAt, delivery.PickedBy)];
        var latest = steps.Where(s => s.At is not null).OrderByDescending(s => s.At).Select(s => s.By).FirstOrDefault();
        return new(false, $"This delivery was changed by {latest ?? "someone else"}; reload");
    }
}
