using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Accounts.Opportunities;
using CommerceDesk.Web.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Crm;

/// <summary>
/// An opportunity's amount typed by hand is held to a record's cap, like a cart's or order's subtotal: above it the
/// stored ten-thousandths would overflow, and the forecast's sums must stay in range.
/// </summary>
public abstract class OpportunityAmountLimitTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : OpportunityAmountLimitTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : OpportunityAmountLimitTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Manager = new("m", "Maria Manager");

    private static readonly DateTime Close = new(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc);

    private async Task<NewOpportunity> NewAsync(string name, decimal amount)
    {
        await using var db = factory.CreateDbContext();
        var shop = new ShopData(db);
        var customer = await shop.CustomerAsync(await shop.ChannelAsync(), "cap-" + Guid.NewGuid().ToString("N")[..8], "Cap", "Buyer", "cap@example.com", accountName: "Cap Buyer");
        return new(name, null, customer.Id, amount, "EUR", CrmRules.InitialStage, Close);
    }

    private static OpportunityForm Form(string name, decimal amount) => new()
    {
        Name = name, Amount = amount, Currency = "EUR", Stage = CrmRules.InitialStage, CloseDate = Close,
    };

    [Theory]
    [InlineData(1e15)]
    [InlineData(900_000_000.01)]
    public async Task AnAmountAboveTheCapIsRefusedWithAReasonAndNothingIsStored(decimal amount)
    {
        var create = factory.Services.GetRequiredService<CreateOpportunity>();
        var name = $"opp-too-big-{amount}";

        var input = await NewAsync(name, amount);

        var refusal = await Should.ThrowAsync<DomainException>(() => create.RunAsync(input, Manager, CancellationToken.None));

        refusal.Message.ShouldBe($"The amount of an opportunity may be at most {AmountLimits.Format(AmountLimits.MaxTotal)}.");
        await using var db = factory.CreateDbContext();
        (await db.Opportunities.AnyAsync(o => o.Name == name)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnOpportunityAtTheCapIsStoredAndAnEditAboveItIsRefused()
    {
        var editor = factory.Services.GetRequiredService<OpportunityEditor>();

        var id = await factory.Services.GetRequiredService<CreateOpportunity>().RunAsync(await NewAsync("opp-at-cap", AmountLimits.MaxTotal), Manager, CancellationToken.None);

        int version;
        await using (var read = factory.CreateDbContext()) version = (await read.Opportunities.SingleAsync(o => o.Id == id)).Version;
        var edited = await editor.EditAsync(id, version, Form("opp-at-cap", 79228162514264337593543950335m), Manager, CancellationToken.None);
        edited.Error.ShouldBe($"The amount of an opportunity may be at most {AmountLimits.Format(AmountLimits.MaxTotal)}.");
        await using var db = factory.CreateDbContext();
        (await db.Opportunities.SingleAsync(o => o.Id == id)).Amount.Amount.ShouldBe(AmountLimits.MaxTotal);
    }
}
