using System.Security.Cryptography;
using System.Text;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Returns;

public enum ReturnFormResult { NotFound, NotReturnable, Ready, Invalid, Received }

/// <summary>A line the customer may send back, with how many were ordered.</summary>
public sealed record ReturnableLine(int Position, string Sku, string Name, int Ordered);

/// <summary>What the public form tells the customer; <see cref="Lines"/> only once they proved the order is theirs.</summary>
public sealed record ReturnFormAnswer(ReturnFormResult Result, string Message, string? OrderNumber = null, IReadOnlyList<ReturnableLine>? Lines = null);

/// <summary>
/// The public return form's two steps: find the order by number and e-mail, then record the lines and reason. A wrong
/// e-mail, an unknown number and a used-up limit all get <see cref="NeutralAnswer"/> after the same work (the limit is
/// taken, one look-up by number, the e-mail hashed and compared in constant time against the order's or a stand-in),
/// so the form tells nobody which orders exist or whose address is on them.
/// </summary>
public sealed class ReturnForm(IDbContextFactory<CommerceDbContext> factory, ReturnFormThrottle throttle, TimeProvider time, ILogger<ReturnForm> logger)
{
    public const string NeutralAnswer =
        "We could not find an order with this number and e-mail address. Check both (they are in your order confirmation) and try again in a few minutes.";

    private static readonly byte[] StandIn = SHA256.HashData("no-order@returns.invalid"u8);

    public static string Normalise(string? orderNumber) => (orderNumber ?? "").Trim().ToUpperInvariant();

    public async Task<ReturnFormAnswer> LookUpAsync(string? orderNumber, string? email, string clientAddress, CancellationToken ct = default)
    {
        var order = await ProveAsync(orderNumber, email, clientAddress, ct);
        if (order is null) return new ReturnFormAnswer(ReturnFormResult.NotFound, NeutralAnswer);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await HasPendingAsync(db, order.Id, ct)) return Received(order);
        if (!ReturnRequest.IsReturnable(order))
            return new ReturnFormAnswer(ReturnFormResult.NotReturnable,
                $"Order {order.Number} cannot be returned online: it has not been sent yet, or it was cancelled or refunded. Please reply to your order confirmation e-mail and we will help.",
                order.Number);
        return new ReturnFormAnswer(ReturnFormResult.Ready, "Choose what you want to send back.", order.Number, LinesOf(order));
    }

    public async Task<ReturnFormAnswer> SubmitAsync(
        string? orderNumber, string? email, IReadOnlyCollection<ReturnPick> picks, string? reason, string clientAddress, CancellationToken ct = default)
    {
        var order = await ProveAsync(orderNumber, email, clientAddress, ct);
        if (order is null) return new ReturnFormAnswer(ReturnFormResult.NotFound, NeutralAnswer);
        await using var db = await factory.CreateDbContextAsync(ct);
        // Sent twice (a double click, a reload): the request is in already, and the answer is the same.
        if (await HasPendingAsync(db, order.Id, ct)) return Received(order);
        ReturnRequest request;
        try
        {
            request = ReturnRequest.Create(order, picks, reason, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return new ReturnFormAnswer(ReturnRequest.IsReturnable(order) ? ReturnFormResult.Invalid : ReturnFormResult.NotReturnable,
                e.Message, order.Number, LinesOf(order));
        }
        db.ReturnRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Return request {RequestId} received for order {OrderId}", request.Id, order.Id);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another node stored this order's pending request a moment earlier.
        }
        return Received(order);
    }

    /// <summary>The order when the number and e-mail match one, after the same work whether or not they do.</summary>
    private async Task<Order?> ProveAsync(string? orderNumber, string? email, string clientAddress, CancellationToken ct)
    {
        var allowed = await throttle.TryTakeAsync(clientAddress, orderNumber, ct);
        var number = (orderNumber ?? "").Trim();
        var typed = SHA256.HashData(Encoding.UTF8.GetBytes((email ?? "").Trim().ToLowerInvariant()));
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = number.Length is 0 or > Order.NumberMaxLength
            ? []
            : await db.Orders.AsNoTracking().Where(o => o.Number == number).Select(o => new { o.Id, o.Email }).Take(10).ToListAsync(ct);
        long? match = null;
        if (candidates.Count == 0) CryptographicOperations.FixedTimeEquals(typed, StandIn);
        foreach (var candidate in candidates)
        {
            // A guest placeholder address is nobody's: it proves nothing.
            var stored = EmailAddress.IsPlaceholder(candidate.Email) ? StandIn : SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Email!));
            if (CryptographicOperations.FixedTimeEquals(typed, stored) && match is null) match = candidate.Id;
        }
        if (!allowed || match is null) return null;
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == match, ct);
    }

    private static Task<bool> HasPendingAsync(CommerceDbContext db, long orderId, CancellationToken ct) =>
        db.ReturnRequests.AnyAsync(r => r.OrderId == orderId && r.Status == ReturnRequestStatus.Pending, ct);

    private static ReturnFormAnswer Received(Order order) =>
        new(ReturnFormResult.Received,
            $"Thank you: we have your request to return items of order {order.Number}. We will e-mail you once we have looked at it.",
            order.Number);

    private static List<ReturnableLine> LinesOf(Order order) =>
        order.Lines.OrderBy(l => l.Position).Select(l => new ReturnableLine(l.Position, l.Sku, l.Name, l.Quantity)).ToList();
}
