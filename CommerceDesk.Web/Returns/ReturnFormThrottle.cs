using System.Security.Cryptography;
using System.Text;
using CommerceDesk.Data;
using CommerceDesk.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Returns;

/// <summary>
/// Limits the public return form per client address and per order number, counted in the database so the limit holds
/// across nodes: each use takes the next numbered slot of the current window, and (key, window, slot) is unique, so two
/// nodes racing for the last slot cannot both get it. Order numbers are stored hashed: the table keeps no typed input.
/// </summary>
public sealed class ReturnFormThrottle(IDbContextFactory<CommerceDbContext> factory, IOptions<ReturnFormOptions> options, TimeProvider time)
{
    /// <summary>Takes one use for the address and one for the order number; false when either is used up.</summary>
    public async Task<bool> TryTakeAsync(string clientAddress, string? orderNumber, CancellationToken ct)
    {
        var limits = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - now.Ticks % limits.Window.Ticks, DateTimeKind.Utc);
        await using var db = await factory.CreateDbContextAsync(ct);
        // Yesterday's counts are of no use to anyone.
        await db.ReturnFormAttempts.Where(a => a.WindowStart < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var byAddress = await TakeAsync(db, "ip:" + clientAddress, window, limits.AttemptsPerAddress, ct);
        var byOrder = await TakeAsync(db, "order:" + Hash(orderNumber), window, limits.AttemptsPerOrderNumber, ct);
        return byAddress && byOrder;
    }

    private static async Task<bool> TakeAsync(CommerceDbContext db, string key, DateTime window, int limit, CancellationToken ct)
    {
        while (true)
        {
            var used = await db.ReturnFormAttempts.CountAsync(a => a.Key == key && a.WindowStart == window, ct);
            if (used >= limit) return false;
            var attempt = new ReturnFormAttempt(key, window, used + 1);
            db.ReturnFormAttempts.Add(attempt);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another request (or node) took that slot: count again.
                db.Entry(attempt).State = EntityState.Detached;
            }
        }
    }

    private static string Hash(string? orderNumber) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ReturnForm.Normalise(orderNumber))))[..32];
}
