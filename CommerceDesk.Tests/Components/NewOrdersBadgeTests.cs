using Bunit;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Store;
using CommerceDesk.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Components;

public sealed class NewOrdersBadgeTests : MudComponentContext
{
    private string Count(IRenderedComponent<NewOrdersBadge> badge) =>
        badge.Find("[data-testid=new-orders-badge]").GetAttribute("data-count")!;

    [Fact]
    public async Task StartsFromTheIncomingOrdersInTheDatabase()
    {
        await using (var db = CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.OrderAsync(web, "W-1", null, Clock.Start, email: "a@shop.test");
            await shop.OrderAsync(web, "W-2", null, Clock.Start, email: "b@shop.test");
            await shop.OrderAsync(web, "W-3", null, Clock.Start, email: "c@shop.test", cancelled: true);
        }

        var badge = Render<NewOrdersBadge>();
        Services.GetRequiredService<NewOrdersFeed>().Start();

        badge.WaitForAssertion(() => Count(badge).ShouldBe("2"));
        badge.Find("[data-testid=new-orders-badge]").GetAttribute("href").ShouldBe("/orders?status=Incoming");
        badge.Find("[data-testid=new-orders-badge]").GetAttribute("aria-label").ShouldBe("New orders: 2");
    }

    [Fact]
    public async Task CountsAnOrderSavedAnywhereInTheAppWithoutReloading()
    {
        var badge = Render<NewOrdersBadge>();
        Services.GetRequiredService<NewOrdersFeed>().Start();
        badge.WaitForAssertion(() => Count(badge).ShouldBe("0"));

        // A save through any context of the app (the storefront API's, a job's) reaches the circuit's badge.
        await using (var db = CreateDbContext())
        {
            var shop = new ShopData(db);
            await shop.OrderAsync(await shop.ChannelAsync(), "W-77", null, Clock.Start, email: "new@shop.test");
        }

        badge.WaitForAssertion(() => Count(badge).ShouldBe("1"));
        Services.GetRequiredService<IState<NotificationsState>>().Value.Pending
            .ShouldContain(n => n.Message == "New order W-77" && n.Href != null && n.Href.StartsWith("/orders/"));
    }

    [Fact]
    public void StopsListeningWhenTheCircuitEnds()
    {
        var notifier = Services.GetRequiredService<NewOrdersNotifier>();
        var feed = Services.GetRequiredService<NewOrdersFeed>();
        feed.Start();
        var state = Services.GetRequiredService<IState<NewOrdersState>>();
        var before = state.Value.Count;

        feed.Dispose();
        notifier.NotifyAsync([new CommerceDesk.Domain.Orders.OrderPlaced(new OrderBuilder().Build())], CancellationToken.None);

        state.Value.Count.ShouldBe(before);
    }
}
