using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Accounts;

/// <summary>The account page's "New opportunity": the stage must be one the stage table holds, defaults or not.</summary>
public abstract class CreateOpportunityTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : CreateOpportunityTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : CreateOpportunityTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Manager = new("m", "Maria Manager");

    private async Task<long> AccountAsync(string externalId)
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var customer = await shop.CustomerAsync(await shop.ChannelAsync(), externalId, "Olga", "Opp", $"{externalId}@example.com", accountName: $"Account {externalId}");
        return customer.AccountId!.Value;
    }

    [Fact]
    public async Task AnOpportunityOpensAtAStageTheShopAddedToTheStageTable()
    {
        var accountId = await AccountAsync("new-opp-custom-stage");
        await using (var db = factory.CreateDbContext())
        {
            if (!await db.OpportunityStageDefinitions.AnyAsync(s => s.Name == "Demo booked"))
            {
                db.OpportunityStageDefinitions.Add(new OpportunityStageDefinition("Demo booked", 40, StageCategory.Open, 10));
                await db.SaveChangesAsync();
            }
        }

        var id = await factory.Services.GetRequiredService<CreateOpportunity>().RunAsync(
            new NewOpportunity("Spring range", accountId, null, 1200m, "EUR", "Demo booked", Clock.Start.AddDays(30)), Manager, CancellationToken.None);

        await using var check = factory.CreateDbContext();
        (await check.Opportunities.SingleAsync(o => o.Id == id)).Stage.ShouldBe("Demo booked");
    }

    [Fact]
    public async Task AStageTheTableDoesNotHoldIsRefusedAndNothingIsSaved()
    {
        var accountId = await AccountAsync("new-opp-unknown-stage");

        var error = await Should.ThrowAsync<DomainException>(() => factory.Services.GetRequiredService<CreateOpportunity>().RunAsync(
            new NewOpportunity("Autumn range", accountId, null, 800m, "EUR", "Nowhere", Clock.Start.AddDays(30)), Manager, CancellationToken.None));

        error.Message.ShouldBe("'Nowhere' is not a sales stage.");
        await using var check = factory.CreateDbContext();
        (await check.Opportunities.AnyAsync(o => o.AccountId == accountId)).ShouldBeFalse();
    }
}
