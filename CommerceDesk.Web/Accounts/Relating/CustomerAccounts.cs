using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Web.Accounts.Values;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Relating;

/// <summary>
/// Relates one saved customer to its account inside the caller's transaction, as the strategy says: a customer that
/// registers gets its own account (or its root's), and under the hierarchy strategy a customer that joins or leaves a
/// hierarchy takes its whole subtree with it.
/// </summary>
public sealed class CustomerAccounts(AccountRelator relator, AccountTotals totals)
{
    public static async Task<AccountStrategy> StrategyAsync(CommerceDbContext db, CancellationToken ct) =>
        await db.AccountSettings.AsNoTracking().Select(s => (AccountStrategy?)s.Strategy).FirstOrDefaultAsync(ct) ?? AccountStrategy.OnePerCustomer;

    /// <param name="hasHistory">false for a customer just created with nothing linked to it: no orders to add up.</param>
    public async Task RelateAsync(CommerceDbContext db, Customer customer, bool hierarchyChanged, bool hasHistory, CancellationToken ct)
    {
        if (customer.Id <= 0) throw new InvalidOperationException("Save the customer before relating it to its account.");
        var strategy = await StrategyAsync(db, ct);
        if (customer.AccountChosenByHand) return;
        if (!customer.NeedsOwnAccount && !(hierarchyChanged && strategy == AccountStrategy.OnePerHierarchy)) return;

        var ownAccount = strategy == AccountStrategy.OnePerCustomer || customer.ParentCustomerId is null;
        if (ownAccount && !hierarchyChanged)
        {
            // The common case, a customer registering, in two statements: open its account (the owner key refuses a
            // second one; the push's retry then finds it) and point the customer at it.
            var existing = await db.Accounts.Where(a => a.OwnerCustomerId == customer.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (existing is null)
            {
                var account = Account.OpenedFor(customer);
                db.Accounts.Add(account);
                await db.SaveChangesAsync(ct);
                existing = account.Id;
            }
            customer.AssignAccount(existing.Value);
            await db.SaveChangesAsync(ct);
            if (hasHistory) await totals.RecomputeAsync(db, [existing.Value], ct);
            return;
        }

        var ids = new List<long> { customer.Id };
        if (strategy == AccountStrategy.OnePerHierarchy) ids.AddRange(await CustomerAncestry.DescendantsOfAsync(db, customer.Id, ct));
        var links = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CustomerLink(c.Id, c.ParentCustomerId, c.IsGuest, c.AccountId, c.AccountChosenByHand)).ToListAsync(ct);
        var accounts = await relator.RelateAsync(db, strategy, links, ct);
        await totals.RecomputeAsync(db, accounts, ct);
        await db.Entry(customer).ReloadAsync(ct); // the relating statements bypassed the tracked row
    }
}
