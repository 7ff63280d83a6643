using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Accounts.Values;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Page;

/// <summary>One customer in the account's hierarchy tree, with how deep it sits under the account's top customers.</summary>
public sealed record AccountCustomerNode(long Id, string Name, string? Email, bool IsGuest, int Depth);

public sealed record AccountView(
    long Id, string Name, bool IsActive, decimal LifetimeSalesValue, string ReportingCurrency, int CustomerCount,
    IReadOnlyList<string> CurrenciesWithoutRate, IReadOnlyList<AccountCustomerNode> Customers, int OpenOpportunities)
{
    /// <summary>The tree shows this many customers; a larger account says how many more it has.</summary>
    public const int MaxTreeCustomers = 200;

    public static async Task<AccountView?> LoadAsync(CommerceDbContext db, long id, CancellationToken ct = default)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return null;
        var customers = await db.Customers.AsNoTracking().Where(c => c.AccountId == id).OrderBy(c => c.Id).Take(MaxTreeCustomers).ToListAsync(ct);
        var (reporting, rates) = await AccountTotals.ReportingRatesAsync(db, ct);
        var sales = (await AccountTotals.SalesOfAsync(db, [id], exceptOrderId: null, ct))[id];
        var missing = Domain.Accounts.LifetimeSalesValue.Of(sales, reporting, rates).CurrenciesWithoutRate;
        var closed = await db.OpportunityStageDefinitions.Where(s => s.Category != StageCategory.Open).Select(s => s.Name).ToListAsync(ct);
        var open = await db.Opportunities.CountAsync(o => (o.AccountId == id || db.Customers.Any(c => c.Id == o.CustomerId && c.AccountId == id)) && !closed.Contains(o.Stage), ct);

        // Depth-first from the customers whose parent is outside the account, so children sit under their parent.
        var byParent = customers.ToLookup(c => c.ParentCustomerId);
        var inAccount = customers.Select(c => c.Id).ToHashSet();
        var tree = new List<AccountCustomerNode>();
        var placed = new HashSet<long>();
        void Place(Domain.Customers.Customer customer, int depth)
        {
            if (!placed.Add(customer.Id)) return;
            tree.Add(new AccountCustomerNode(customer.Id, customer.FullName, customer.Email, customer.IsGuest, depth));
            foreach (var child in byParent[customer.Id]) Place(child, depth + 1);
        }
        foreach (var top in customers.Where(c => c.ParentCustomerId is not { } parent || !inAccount.Contains(parent))) Place(top, 0);
        foreach (var rest in customers) Place(rest, 0);

        return new AccountView(account.Id, account.Name, account.IsActive, account.LifetimeSalesValue, reporting, account.CustomerCount,
            missing, tree, open);
    }
}
