using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Relating;

/// <summary>A customer as relating reads it: its parent, whether it is a guest, and its account today.</summary>
public sealed record CustomerLink(long Id, long? ParentCustomerId, bool IsGuest, long? AccountId, bool ChosenByHand = false);

/// <summary>
/// Relates registered customers to the account the strategy gives them (their own, or their hierarchy root's), opening
/// the accounts that are missing. Accounts are found by the customer they were opened for (a unique key), so the
/// outcome depends only on the data: running it twice, or on two nodes at once, gives the same accounts and links.
/// Guests are left alone (they get an account when they register), and so are customers a manager put in an account by hand.
/// </summary>
public sealed class AccountRelator(ILogger<AccountRelator> logger)
{
    /// <summary>Relates <paramref name="customers"/>; returns every account that gained or lost a customer, or kept one.</summary>
    public async Task<IReadOnlySet<long>> RelateAsync(
        CommerceDbContext db, AccountStrategy strategy, IReadOnlyCollection<CustomerLink> customers, CancellationToken ct)
    {
        var affected = customers.Where(c => c.AccountId is not null).Select(c => c.AccountId!.Value).ToHashSet();
        var registered = customers.Where(c => !c.IsGuest && !c.ChosenByHand).ToList();
        if (registered.Count == 0) return affected;

        var parents = customers.ToDictionary(c => c.Id, c => c.ParentCustomerId);
        if (strategy == AccountStrategy.OnePerHierarchy) await LoadAncestorsAsync(db, parents, ct);
        var ownerOf = registered.ToDictionary(c => c.Id, c => strategy == AccountStrategy.OnePerHierarchy ? RootOrSelf(c.Id, parents) : c.Id);
        var owners = ownerOf.Values.Distinct().ToList();

        var accountOf = await AccountsOwnedByAsync(db, owners, ct);
        var missing = owners.Where(o => !accountOf.ContainsKey(o)).ToList();
        if (missing.Count > 0)
        {
            await AdoptUnownedAccountsAsync(db, missing, ct);
            await OpenAccountsAsync(db, missing, ct);
            foreach (var (owner, account) in await AccountsOwnedByAsync(db, missing, ct)) accountOf[owner] = account;
        }

        var moves = registered.Where(c => c.AccountId != accountOf[ownerOf[c.Id]]).ToList();
        // Customers that own their account move in one statement; the rest in one statement per target account.
        var selfOwned = moves.Where(c => ownerOf[c.Id] == c.Id).Select(c => c.Id).ToList();
        if (selfOwned.Count > 0)
            await db.Customers.Where(c => selfOwned.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(
                c => c.AccountId, c => db.Accounts.Where(a => a.OwnerCustomerId == c.Id).Select(a => (long?)a.Id).FirstOrDefault()), ct);
        foreach (var group in moves.Where(c => ownerOf[c.Id] != c.Id).GroupBy(c => accountOf[ownerOf[c.Id]]))
        {
            var ids = group.Select(c => c.Id).ToList();
            await db.Customers.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.AccountId, group.Key), ct);
        }
        // An opportunity follows its customer to the new account (the version bump tells editors it changed).
        var moved = moves.Select(c => (long?)c.Id).ToList();
        if (moved.Count > 0)
            await db.Opportunities.Where(o => moved.Contains(o.CustomerId)).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.AccountId, o => db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.AccountId).FirstOrDefault())
                .SetProperty(o => o.Version, o => o.Version + 1), ct);
        affected.UnionWith(ownerOf.Values.Select(o => accountOf[o]));
        return affected;
    }

    /// <summary>Loads parents of parents until every chain reaches a root (or comes back to a customer already seen).</summary>
    private static async Task LoadAncestorsAsync(CommerceDbContext db, Dictionary<long, long?> parents, CancellationToken ct)
    {
        while (true)
        {
            var unknown = parents.Values.Where(p => p is not null && !parents.ContainsKey(p.Value)).Select(p => p!.Value).Distinct().ToList();
            if (unknown.Count == 0) return;
            var rows = await db.Customers.AsNoTracking().Where(c => unknown.Contains(c.Id))
                .Select(c => new { c.Id, c.ParentCustomerId }).ToListAsync(ct);
            foreach (var id in unknown) parents[id] = null;
            foreach (var row in rows) parents[row.Id] = row.ParentCustomerId;
        }
    }

    private long RootOrSelf(long customerId, Dictionary<long, long?> parents)
    {
        try
        {
            return CustomerHierarchy.RootOf(customerId, id => parents.GetValueOrDefault(id));
        }
        catch (DomainException ex)
        {
            // Links are refused when they would close a loop; one stored before that rule keeps its own account.
            logger.LogWarning("Customer #{CustomerId} keeps an account of its own: {Reason}", customerId, ex.Message);
            return customerId;
        }
    }

    private static async Task<Dictionary<long, long>> AccountsOwnedByAsync(CommerceDbContext db, List<long> owners, CancellationToken ct) =>
        await db.Accounts.AsNoTracking().Where(a => a.OwnerCustomerId != null && owners.Contains(a.OwnerCustomerId.Value))
            .ToDictionaryAsync(a => a.OwnerCustomerId!.Value, a => a.Id, ct);

    /// <summary>
    /// An account opened before accounts knew their customer (older databases) is taken over by the first of its
    /// customers that needs one, instead of opening a second account for the same relationship.
    /// </summary>
    private static Task AdoptUnownedAccountsAsync(CommerceDbContext db, List<long> owners, CancellationToken ct) =>
        db.Accounts
            .Where(a => a.OwnerCustomerId == null && db.Customers.Any(c => c.AccountId == a.Id && owners.Contains(c.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerCustomerId,
                a => db.Customers.Where(c => c.AccountId == a.Id && owners.Contains(c.Id)).Min(c => (long?)c.Id)), ct);

    /// <summary>One INSERT … SELECT for the batch: each customer gets an account of its name; a concurrent insert wins quietly.</summary>
    private static Task OpenAccountsAsync(CommerceDbContext db, List<long> owners, CancellationToken ct)
    {
        var ids = string.Join(",", owners.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sqlServer = db.Database.IsSqlServer();
        var fullName = sqlServer
            ? "LTRIM(RTRIM(CONCAT(c.\"FirstName\", ' ', c.\"LastName\")))"
            : "TRIM(COALESCE(c.\"FirstName\", '') || ' ' || COALESCE(c.\"LastName\", ''))";
        var name = $"COALESCE(NULLIF({fullName}, ''), c.\"Email\", c.\"ExternalId\")";
        var sql = $"""
            INSERT INTO "Accounts" ("Name", "LifetimeSalesValue", "OwnerCustomerId", "IsActive", "CustomerCount")
            SELECT {(sqlServer ? "SUBSTRING" : "SUBSTR")}({name}, 1, {Account.NameMaxLength}), 0, c."Id", {(sqlServer ? "1" : "TRUE")}, 0
            FROM "Customers" c
            WHERE c."Id" IN ({ids}) AND NOT EXISTS (SELECT 1 FROM "Accounts" a WHERE a."OwnerCustomerId" = c."Id")
            {(sqlServer ? "" : "ON CONFLICT DO NOTHING")}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, ct);
    }
}
