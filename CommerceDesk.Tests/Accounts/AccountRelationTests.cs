using System.Net;
using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Relating;
using CommerceDesk.Web.Accounts.Settings;
using CommerceDesk.Web.Accounts.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Accounts;

/// <summary>
/// Customers and their accounts through the storefront API and the relation job: registration, the backfill of
/// customers without an account, and switching the account strategy on a three-level hierarchy.
/// </summary>
public abstract class AccountRelationTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : AccountRelationTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : AccountRelationTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Admin = new("admin-id", "Ann Admin");

    [Fact]
    public async Task AGuestGetsNoAccountUntilItRegistersThenOneOfItsName()
    {
        await SetStrategyAsync(AccountStrategy.OnePerCustomer);
        var client = factory.CreateStorefrontClient();
        var id = NewId("cus");

        (await client.PutAsync("customers", id, Customer(version: 1, isGuest: true))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await client.GetRecordAsync("customers", id)).JsonAsync())["accountId"].ShouldBeNull();

        (await client.PutAsync("customers", id, Customer(version: 2, isGuest: false))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accountId = (await (await client.GetRecordAsync("customers", id)).JsonAsync())["accountId"]!.GetValue<long>();
        await using var db = factory.CreateDbContext();
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
        var customer = await db.Customers.SingleAsync(c => c.ExternalId == id);
        account.ShouldSatisfyAllConditions(
            () => account.Name.ShouldBe("Ada Lovelace"),
            () => account.OwnerCustomerId.ShouldBe(customer.Id),
            () => account.CustomerCount.ShouldBe(1),
            () => account.IsActive.ShouldBeTrue());
    }

    [Fact]
    public async Task ARegisteredCustomerUnderTheHierarchyStrategyJoinsItsRootsAccount()
    {
        await SetStrategyAsync(AccountStrategy.OnePerHierarchy);
        var client = factory.CreateStorefrontClient();
        var (root, child) = (NewId("root"), NewId("child"));

        await client.PutAsync("customers", root, Customer(email: "root@example.com"));
        await client.PutAsync("customers", child, Customer(email: "child@example.com", parent: root));

        await using var db = factory.CreateDbContext();
        var accounts = await db.Customers.Where(c => c.ExternalId == root || c.ExternalId == child).Select(c => c.AccountId).ToListAsync();
        accounts.Distinct().Count().ShouldBe(1);
        accounts[0].ShouldNotBeNull();
    }

    [Fact]
    public async Task AParentLinkThatWouldCloseACircleIsRefusedAndNothingIsStored()
    {
        var client = factory.CreateStorefrontClient();
        var (a, b) = (NewId("a"), NewId("b"));
        (await client.PutAsync("customers", a, Customer(parent: b))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await client.PutAsync("customers", b, Customer(parent: a));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("circle");
        await using var db = factory.CreateDbContext();
        (await db.Customers.AnyAsync(c => c.ExternalId == b)).ShouldBeFalse();
        (await db.Customers.SingleAsync(c => c.ExternalId == a)).ParentCustomerId.ShouldBeNull();
    }

    [Fact]
    public async Task CustomersWithoutAnAccountGetOneFromTheJobInBatchesAndGuestsStayWithout()
    {
        await SetStrategyAsync(AccountStrategy.OnePerCustomer);
        await RunToEndAsync(); // anything an earlier test left
        var prefix = NewId("old")[..10];
        List<long> registered = [], guests = [];
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var channel = await shop.ChannelAsync();
            for (var i = 0; i < 7; i++)
            {
                var customer = await shop.CustomerAsync(channel, $"{prefix}-{i}", "Old", $"Customer{i}", $"old{i}@example.com", isGuest: i % 3 == 2);
                (customer.IsGuest ? guests : registered).Add(customer.Id);
            }
        }

        var runId = await Runs().StartAsync(AccountStrategy.OnePerCustomer, AccountRelationReason.CustomersWithoutAccount, Actor.System, CancellationToken.None);
        await RunToEndAsync(batchSize: 3);

        await using var check = factory.CreateDbContext();
        var customers = await check.Customers.Where(c => registered.Contains(c.Id) || guests.Contains(c.Id)).ToListAsync();
        var accounts = await check.Accounts.Where(a => a.OwnerCustomerId != null && registered.Contains(a.OwnerCustomerId.Value)).ToListAsync();
        customers.Where(c => guests.Contains(c.Id)).ShouldAllBe(c => c.AccountId == null);
        accounts.Count.ShouldBe(registered.Count);
        foreach (var customer in customers.Where(c => registered.Contains(c.Id)))
            accounts.Single(a => a.Id == customer.AccountId).ShouldSatisfyAllConditions(
                a => a.Name.ShouldBe(customer.FullName), a => a.OwnerCustomerId.ShouldBe(customer.Id), a => a.CustomerCount.ShouldBe(1));
        var run = await check.AccountRelationRuns.SingleAsync(r => r.Id == runId);
        run.FinishedAt.ShouldNotBeNull();
        run.Done.ShouldBe(run.Total);
    }

    [Fact]
    public async Task SwitchingStrategyBothWaysOnAThreeLevelHierarchyKeepsEveryCustomerAndRecordOnTheRightAccount()
    {
        await SetStrategyAsync(AccountStrategy.OnePerCustomer);
        await RunToEndAsync();
        var client = factory.CreateStorefrontClient();
        var (root, child, grandchild) = (NewId("root"), NewId("child"), NewId("grand"));
        await client.PutAsync("customers", root, Customer(email: "root@example.com"));
        await client.PutAsync("customers", child, Customer(email: "child@example.com", parent: root));
        await client.PutAsync("customers", grandchild, Customer(email: "grand@example.com", parent: child));
        (await client.PutAsync("orders", NewId("o"), Order(customer: grandchild, paymentStatus: "paid"))).IsSuccessStatusCode.ShouldBeTrue();
        var own = await AccountsOfAsync(root, child, grandchild);
        own.Values.Distinct().Count().ShouldBe(3);

        await ChangeStrategyAndRunAsync(AccountStrategy.OnePerHierarchy);

        var shared = await AccountsOfAsync(root, child, grandchild);
        shared.Values.ShouldAllBe(a => a == own[root]);
        await using (var db = factory.CreateDbContext())
        {
            var rootAccount = await db.Accounts.SingleAsync(a => a.Id == own[root]);
            rootAccount.ShouldSatisfyAllConditions(
                a => a.CustomerCount.ShouldBe(3), a => a.IsActive.ShouldBeTrue(), a => a.LifetimeSalesValue.ShouldBe(39.80m));
            var left = await db.Accounts.Where(a => a.Id == own[child] || a.Id == own[grandchild]).ToListAsync();
            left.Count.ShouldBe(2); // kept,
            left.ShouldAllBe(a => !a.IsActive && a.CustomerCount == 0 && a.LifetimeSalesValue == 0m); // inactive
            (await db.Orders.CountAsync(o => o.CustomerExternalId == grandchild && o.CustomerId != null)).ShouldBe(1);
        }

        await ChangeStrategyAndRunAsync(AccountStrategy.OnePerCustomer);

        (await AccountsOfAsync(root, child, grandchild)).OrderBy(p => p.Key).ShouldBe(own.OrderBy(p => p.Key));
        await using (var db = factory.CreateDbContext())
        {
            var accounts = await db.Accounts.Where(a => own.Values.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
            accounts.Values.ShouldAllBe(a => a.IsActive && a.CustomerCount == 1);
            accounts[own[grandchild]].LifetimeSalesValue.ShouldBe(39.80m);
            accounts[own[root]].LifetimeSalesValue.ShouldBe(0m);
        }
    }

    [Fact]
    public async Task RunningTheJobAgainOrTwiceAtOnceGivesTheSameAccounts()
    {
        await SetStrategyAsync(AccountStrategy.OnePerCustomer);
        var client = factory.CreateStorefrontClient();
        var ids = new List<string>();
        for (var family = 0; family < 4; family++)
        {
            var top = NewId("top");
            ids.Add(top);
            await client.PutAsync("customers", top, Customer(email: $"top{family}@example.com"));
            var middle = NewId("mid");
            ids.Add(middle);
            await client.PutAsync("customers", middle, Customer(email: $"mid{family}@example.com", parent: top));
            var leaf = NewId("leaf");
            ids.Add(leaf);
            await client.PutAsync("customers", leaf, Customer(email: $"leaf{family}@example.com", parent: middle));
        }
        await ChangeStrategyAndRunAsync(AccountStrategy.OnePerHierarchy);
        var once = await SnapshotAsync();

        await Runs().StartAsync(AccountStrategy.OnePerHierarchy, AccountRelationReason.StrategyChanged, Admin, CancellationToken.None);
        await Task.WhenAll(Task.Run(() => Job(batchSize: 2).RunAsync(CancellationToken.None)), Task.Run(() => Job(batchSize: 2).RunAsync(CancellationToken.None)));
        await RunToEndAsync();

        (await SnapshotAsync()).ShouldBe(once);
        await using var db = factory.CreateDbContext();
        var run = await db.AccountRelationRuns.OrderByDescending(r => r.Id).FirstAsync();
        run.Done.ShouldBe(run.Total); // every batch counted once, whichever runner claimed it
        (await db.Customers.Where(c => ids.Contains(c.ExternalId)).Select(c => c.AccountId).Distinct().CountAsync()).ShouldBe(4);
    }

    private async Task<Dictionary<string, long>> AccountsOfAsync(params string[] externalIds)
    {
        await using var db = factory.CreateDbContext();
        return await db.Customers.Where(c => externalIds.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId, c => c.AccountId!.Value);
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = factory.CreateDbContext();
        var customers = await db.Customers.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.AccountId}").ToListAsync();
        var accounts = await db.Accounts.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.OwnerCustomerId}:{a.IsActive}:{a.CustomerCount}:{a.LifetimeSalesValue}").ToListAsync();
        return [.. customers, .. accounts];
    }

    private async Task SetStrategyAsync(AccountStrategy strategy)
    {
        var editor = factory.Services.GetRequiredService<AccountSettingsEditor>();
        var settings = await editor.LoadAsync(CancellationToken.None);
        await editor.ChangeStrategyAsync(strategy, settings.Version, Admin, CancellationToken.None);
        await RunToEndAsync();
    }

    private async Task ChangeStrategyAndRunAsync(AccountStrategy strategy)
    {
        var editor = factory.Services.GetRequiredService<AccountSettingsEditor>();
        var settings = await editor.LoadAsync(CancellationToken.None);
        await editor.ChangeStrategyAsync(strategy, settings.Version, Admin, CancellationToken.None);
        await RunToEndAsync();
        await using var db = factory.CreateDbContext();
        var run = await db.AccountRelationRuns.OrderByDescending(r => r.Id).FirstAsync();
        run.ShouldSatisfyAllConditions(r => r.Strategy.ShouldBe(strategy), r => r.FinishedAt.ShouldNotBeNull());
    }

    private AccountRelationRuns Runs() => factory.Services.GetRequiredService<AccountRelationRuns>();

    private AccountRelationJob Job(int batchSize = AccountRelationJob.DefaultBatchSize) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>(),
            factory.Services.GetRequiredService<AccountRelator>(), factory.Services.GetRequiredService<AccountTotals>(),
            TimeProvider.System, factory.Services.GetRequiredService<ILogger<AccountRelationJob>>()) { BatchSize = batchSize };

    /// <summary>Works the newest pass to its end here (the app's own job server may share the work; it changes nothing).</summary>
    private Task RunToEndAsync(int batchSize = AccountRelationJob.DefaultBatchSize) => Job(batchSize).RunAsync(CancellationToken.None);
}
