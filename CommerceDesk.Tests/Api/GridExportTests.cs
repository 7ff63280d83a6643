using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Api;

/// <summary>Every grid's CSV download reads the same filters its grid's link carries.</summary>
public sealed class GridExportTests(CommerceDeskFactory factory) : IClassFixture<CommerceDeskFactory>
{
    [Fact]
    public async Task TheCartsExportHoldsTheCartsOfTheLinksStatus()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.CartAsync(web, "EXP-ABANDONED", null, Clock.Start, email: "gone@shop.test", abandoned: true);
            await shop.CartAsync(web, "EXP-OPEN", null, Clock.Start, email: "here@shop.test");
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var abandoned = await manager.GetStringAsync("/export/carts.csv?status=abandoned");

        abandoned.ShouldContain("Cart,Channel,Customer,E-mail");
        abandoned.ShouldContain("EXP-ABANDONED");
        abandoned.ShouldNotContain("EXP-OPEN");
    }

    [Fact]
    public async Task TheCustomersExportHoldsTheKindTheLinkAsksFor()
    {
        await using (var db = factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.CustomerAsync(web, "exp-guest", "Gustav", "Guest", "gustav@shop.test", isGuest: true);
            await shop.CustomerAsync(web, "exp-member", "Mia", "Member", "mia@shop.test");
        }
        var manager = await factory.SignedInAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword);

        var guests = await manager.GetStringAsync("/export/customers.csv?guests=true");

        guests.ShouldContain("Name,E-mail,Phone,Channel,Guest");
        guests.ShouldContain("gustav@shop.test");
        guests.ShouldNotContain("mia@shop.test");
    }
}
