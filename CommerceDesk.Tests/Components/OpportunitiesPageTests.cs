using Bunit;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Opportunities;

namespace CommerceDesk.Tests.Components;

/// <summary>The /opportunities page lists the stored opportunities, or says how one is started.</summary>
public sealed class OpportunitiesPageTests : MudComponentContext
{
    [Fact]
    public async Task AConvertedCartIsListedWithItsCustomerStageAmountCloseDateAndCart()
    {
        await using (var db = CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "c-opp", "Olga", "Petrova", "olga@shop.test");
            var cart = await shop.CartAsync(web, "CART-OPP-1", customer, Clock.Start, unitPrice: 25m, quantity: 2);
            db.Opportunities.Add(Opportunity.FromCart(cart, customer, new Actor("user-ann", "Ann"), new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        var cut = Render<OpportunitiesPage>();

        cut.WaitForAssertion(() => cut.FindAll("tbody tr.mud-table-row").Count.ShouldBe(1));
        var row = cut.Find("tbody tr.mud-table-row").TextContent;
        row.ShouldContain("Olga Petrova - CART-OPP-1");
        row.ShouldContain("Olga Petrova");
        row.ShouldContain(OpportunityStages.Prospecting);
        row.ShouldContain("50.00 EUR");
        row.ShouldContain("2026-12-01");
        cut.Find("tbody a[href^='/carts/']").TextContent.ShouldBe("Cart CART-OPP-1");
        cut.Find("tbody a[href^='/opportunities/']").TextContent.ShouldBe("Olga Petrova - CART-OPP-1");
    }

    [Fact]
    public void WithoutOpportunitiesThePageSaysHowOneIsStarted()
    {
        var cut = Render<OpportunitiesPage>();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("No opportunities yet."));
        cut.Markup.ShouldContain("Convert to opportunity");
        cut.Markup.ShouldNotContain("arrive", Case.Insensitive);
        cut.Markup.ShouldNotContain("issue", Case.Insensitive);
    }
}
