namespace CommerceDesk.Domain.Accounts;

/// <summary>One sales order as the lifetime value counts it: its subtotal and what was given back, in its currency.</summary>
public sealed record OrderSale(long OrderId, string Currency, decimal Subtotal, decimal GivenBack);

/// <summary>The outcome: the value in the reporting currency, and the currencies left out for want of a rate.</summary>
public sealed record LifetimeSalesValueResult(decimal Value, IReadOnlyList<string> CurrenciesWithoutRate);

/// <summary>
/// An account's lifetime sales value: the subtotals of its sales orders net of refunds and credit memos (never below
/// zero for one order), each converted at the admin's rate into the reporting currency.
/// </summary>
public static class LifetimeSalesValue
{
    /// <summary>
    /// The most it shows: what <see cref="Common.AmountLimits.RecordsSummable"/> orders at the largest total add up to,
    /// and the most an amount column can hold and the grid sum. A large account in a currency converted at a high rate
    /// could go past it; it stops there rather than refusing the order that took it over.
    /// </summary>
    public const decimal MaxValue = Common.AmountLimits.MaxTotal * Common.AmountLimits.RecordsSummable;

    public static LifetimeSalesValueResult Of(IEnumerable<OrderSale> orders, string reportingCurrency, IReadOnlyDictionary<string, decimal> rates)
    {
        var value = 0m;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            var net = Math.Max(0m, order.Subtotal - order.GivenBack);
            if (order.Currency == reportingCurrency) value += net;
            else if (rates.TryGetValue(order.Currency, out var rate)) value += net * rate;
            else missing.Add(order.Currency);
        }
        return new LifetimeSalesValueResult(Math.Min(decimal.Round(value, 4, MidpointRounding.AwayFromZero), MaxValue), missing.ToList());
    }
}
