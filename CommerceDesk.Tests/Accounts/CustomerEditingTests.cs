using CommerceDesk.Data;
using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Relating;
using CommerceDesk.Web.Accounts.Settings;
using CommerceDesk.Web.Customers.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Accounts;

/// <summary>Managers create and edit customers in the back office and pick their account.</summary>
public abstract class CustomerEditingTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : CustomerEditingTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : CustomerEditingTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private SaveCustomer Save => factory.Services.GetRequiredService<SaveCustomer>();

    private async Task<long> ChannelAsync()
    {
        await using var db = factory.CreateDbContext();
        return (await new ShopData(db).ChannelAsync()).Id;
    }

    [Fact]
    public async Task ANewCustomerWithANewAccountOfTheSameNameOwnsIt()
    {
        var id = await Save.RunAsync(null, new CustomerForm(await ChannelAsync(), "Nora", "New", "nora@example.com", null, false, null, AccountChoice.NewOfSameName, null), default);

        await using var db = factory.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == id);
        var account = await db.Accounts.SingleAsync(a => a.Id == customer.AccountId);
        account.ShouldSatisfyAllConditions(a => a.Name.ShouldBe("Nora New"), a => a.OwnerCustomerId.ShouldBe(id), a => a.CustomerCount.ShouldBe(1));
        customer.ExternalId.ShouldStartWith(SaveCustomer.ExternalIdPrefix);
    }

    [Fact]
    public async Task AnAccountPickedByHandStaysWhateverTheStrategyDoes()
    {
        var channel = await ChannelAsync();
        var holding = await Save.RunAsync(null, new CustomerForm(channel, "Hal", "Holding", "hal@example.com", null, false, null, AccountChoice.ByStrategy, null), default);
        long holdingAccount;
        await using (var db = factory.CreateDbContext()) holdingAccount = (await db.Customers.SingleAsync(c => c.Id == holding)).AccountId!.Value;
        var picked = await Save.RunAsync(null, new CustomerForm(channel, "Pia", "Picked", "pia@example.com", null, false, null, AccountChoice.Existing, holdingAccount), default);

        var editor = factory.Services.GetRequiredService<AccountSettingsEditor>();
        var admin = new Actor("a1", "Ann Admin");
        await editor.ChangeStrategyAsync(AccountStrategy.OnePerHierarchy, (await editor.LoadAsync(default)).Version, admin, default);
        await factory.Services.GetRequiredService<AccountRelationJob>().RunAsync(default);
        await editor.ChangeStrategyAsync(AccountStrategy.OnePerCustomer, (await editor.LoadAsync(default)).Version, admin, default);
        await factory.Services.GetRequiredService<AccountRelationJob>().RunAsync(default);

        await using var check = factory.CreateDbContext();
        (await check.Customers.SingleAsync(c => c.Id == picked)).AccountId.ShouldBe(holdingAccount);
        (await check.Accounts.SingleAsync(a => a.Id == holdingAccount)).CustomerCount.ShouldBe(2);
    }

    [Fact]
    public async Task AParentThatIsAlreadyBelowTheCustomerIsRefusedAndNothingChanges()
    {
        var channel = await ChannelAsync();
        var top = await Save.RunAsync(null, new CustomerForm(channel, "Tia", "Top", "tia@example.com", null, false, null, AccountChoice.ByStrategy, null), default);
        var below = await Save.RunAsync(null, new CustomerForm(channel, "Ben", "Below", "ben@example.com", null, false, top, AccountChoice.ByStrategy, null), default);

        var error = await Should.ThrowAsync<DomainException>(() =>
            Save.RunAsync(top, new CustomerForm(channel, "Tia", "Renamed", "tia@example.com", null, false, below, AccountChoice.ByStrategy, null), default));

        error.Message.ShouldContain("circle");
        await using var db = factory.CreateDbContext();
        var unchanged = await db.Customers.SingleAsync(c => c.Id == top);
        unchanged.ShouldSatisfyAllConditions(c => c.ParentCustomerId.ShouldBeNull(), c => c.LastName.ShouldBe("Top"));
    }

    [Fact]
    public async Task ThePickersFindCustomersAndAccountsByWhatIsTyped()
    {
        var channel = await ChannelAsync();
        await Save.RunAsync(null, new CustomerForm(channel, "Quentin", "Quirk", "quentin@example.com", null, false, null, AccountChoice.NewOfSameName, null), default);
        await using var db = factory.CreateDbContext();

        (await CustomerPickers.CustomersAsync(db, "quir", null, default)).Select(c => c.Name).ShouldBe(["Quentin Quirk"]);
        (await CustomerPickers.CustomersAsync(db, "quentin@", null, default)).Count.ShouldBe(1);
        (await CustomerPickers.AccountsAsync(db, "Quentin", default)).Select(a => a.Name).ShouldBe(["Quentin Quirk"]);
    }
}
