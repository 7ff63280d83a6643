using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CustomerDetails = CommerceDesk.Domain.Customers.CustomerDetails;
using CommerceDesk.Web.Accounts.Relating;
using CommerceDesk.Web.Accounts.Values;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Customers.Editing;

public enum AccountChoice { ByStrategy, Existing, NewOfSameName }

/// <summary>A manager's customer form: the person, its parent customer, and which account it belongs to.</summary>
public sealed record CustomerForm(
    long ChannelId, string? FirstName, string? LastName, string? Email, string? Phone, bool IsGuest,
    long? ParentCustomerId, AccountChoice Account, long? AccountId);

/// <summary>
/// Creates or edits a customer from the back office in one transaction: a parent link that would close a circle, an
/// unknown parent or account, or an invalid field is refused with its reason and nothing is written.
/// </summary>
public sealed class SaveCustomer(IDbContextFactory<CommerceDbContext> factory, CustomerAccounts accounts, AccountTotals totals, TimeProvider time)
{
    /// <summary>Back-office customers get a storefront id of their own, so a later push cannot collide with them.</summary>
    public const string ExternalIdPrefix = "desk-";

    public async Task<long> RunAsync(long? customerId, CustomerForm form, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var parent = form.ParentCustomerId is { } parentId
                ? await db.Customers.SingleOrDefaultAsync(c => c.Id == parentId, ct) ?? throw new DomainException("The chosen parent customer no longer exists.")
                : null;
            var details = new Domain.Customers.CustomerDetails(form.Email, form.FirstName, form.LastName, form.Phone, parent?.ExternalId, form.IsGuest, form.IsGuest ? null : now);

            Customer customer;
            if (customerId is { } id)
            {
                customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainException("This customer no longer exists.");
                details = details with { RegisteredAt = form.IsGuest ? null : customer.RegisteredAt ?? now };
                var stamp = customer.SourceUpdatedAt is { } last && last >= now ? last.AddTicks(1) : now;
                customer.Update(details, stamp);
            }
            else
            {
                customer = new Customer(form.ChannelId, ExternalIdPrefix + Guid.NewGuid().ToString("N")[..16], details, now, now);
                db.Customers.Add(customer);
            }
            if (parent is not null)
            {
                if (parent.ChannelId != customer.ChannelId) throw new DomainException("A parent customer must belong to the same channel.");
                CustomerHierarchy.RefuseCycle(customer, parent, await CustomerAncestry.AncestorsOfAsync(db, parent.Id, ct));
                customer.LinkParent(parent);
            }
            var before = customer.AccountId;
            await db.SaveChangesAsync(ct);

            switch (form.Account)
            {
                case AccountChoice.Existing:
                    var accountId = form.AccountId ?? throw new DomainException("Choose the account, or \"New account of the same name\".");
                    if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) throw new DomainException("The chosen account no longer exists.");
                    customer.ChooseAccount(accountId);
                    break;
                case AccountChoice.NewOfSameName:
                    if (customer.IsGuest) throw new DomainException("A guest gets an account only when it registers.");
                    var own = await db.Accounts.SingleOrDefaultAsync(a => a.OwnerCustomerId == customer.Id, ct);
                    if (own is null) db.Accounts.Add(own = Account.OpenedFor(customer));
                    else own.Rename(Account.OpenedFor(customer).Name);
                    await db.SaveChangesAsync(ct);
                    customer.ChooseAccount(own.Id);
                    break;
                default:
                    if (customer.AccountChosenByHand) customer.ChooseAccount(null);
                    break;
            }
            await db.SaveChangesAsync(ct);
            if (form.Account == AccountChoice.ByStrategy)
                await accounts.RelateAsync(db, customer, hierarchyChanged: true, hasHistory: true, ct);
            await totals.RecomputeAsync(db, new[] { before, customer.AccountId }.OfType<long>().Distinct().ToList(), ct);
            await transaction.CommitAsync(ct);
            return customer.Id;
        });
    }
}
