using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Values;

/// <summary>
/// Recomputes what an account shows from its customers' records: the customer count, whether it is active (an account
/// no customer belongs to any more is kept, inactive), and the lifetime sales value in the reporting currency.
/// Everything is derived from the orders and links, never added up event by event, so recomputing twice is harmless.
/// </summary>
public sealed class AccountTotals
{
    public async Task RecomputeAsync(CommerceDbContext db, IReadOnlyCollection<long> accountIds, CancellationToken ct)
    {
        if (accountIds.Count == 0) return;
        var ids = accountIds.ToList();
        await db.Accounts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.CustomerCount, a => db.Customers.Count(c => c.AccountId == a.Id))
            .SetProperty(a => a.IsActive, a => db.Customers.Any(c => c.AccountId == a.Id)), ct);

        var (reporting, rates) = await ReportingRatesAsync(db, ct);
        var sales = await SalesOfAsync(db, ids, exceptOrderId: null, ct);
        var accounts = await db.Accounts.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        foreach (var account in accounts)
            account.SetLifetimeSalesValue(LifetimeSalesValue.Of(sales[account.Id], reporting, rates).Value);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<(string Reporting, IReadOnlyDictionary<string, decimal> Rates)> ReportingRatesAsync(CommerceDbContext db, CancellationToken ct)
    {
        var reporting = await db.AccountSettings.AsNoTracking().Select(s => s.ReportingCurrency).FirstOrDefaultAsync(ct)
                        ?? AccountSettings.Default().ReportingCurrency;
        var rates = await db.ExchangeRates.AsNoTracking().ToDictionaryAsync(r => r.Currency, r => r.Rate, ct);
        return (reporting, rates);
    }

    /// <summary>The sales orders of each account's customers, with what was given back on each (saved rows only).</summary>
    public static async Task<ILookup<long, OrderSale>> SalesOfAsync(CommerceDbContext db, List<long> accountIds, long? exceptOrderId, CancellationToken ct)
    {
        var orders = await (
                from o in db.Orders.AsNoTracking()
                join c in db.Customers on o.CustomerId equals c.Id
                where c.AccountId != null && accountIds.Contains(c.AccountId.Value)
                      && o.CommercialState == CommercialState.SalesOrder && o.Id != exceptOrderId
                select new { AccountId = c.AccountId!.Value, o.Id, o.Subtotal })
            .ToListAsync(ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var givenBack = (await db.SalesValueDeductions.AsNoTracking().Where(d => orderIds.Contains(d.OrderId))
                .Select(d => new { d.OrderId, d.Amount }).ToListAsync(ct))
            .GroupBy(d => d.OrderId).ToDictionary(g => g.Key, g => g.Sum(d => d.Amount));
        return orders.ToLookup(o => o.AccountId,
            o => new OrderSale(o.Id, o.Subtotal.Currency, o.Subtotal.Amount, givenBack.GetValueOrDefault(o.Id)));
    }
}
