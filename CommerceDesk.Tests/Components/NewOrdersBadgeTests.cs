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

    [Fact]
    public async Task GoesDownWhenAnOrderLeavesIncomingAndListsTheNewestInItsMenu()
    {
        await new CommerceDesk.Web.Orders.Statuses.OrderStatusSeeder(Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CommerceDesk.Data.CommerceDbContext>>())
            .SeedAsync(CancellationToken.None);
        long firstId;
        await using (var db = CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            firstId = (await shop.OrderAsync(web, "W-1", null, Clock.Start, email: "a@shop.test")).Id;
            await shop.OrderAsync(web, "W-2", null, Clock.Start.AddMinutes(1), email: "b@shop.test");
        }
        var badge = Render<NewOrdersBadge>();
        Services.GetRequiredService<NewOrdersFeed>().Start();
        badge.WaitForAssertion(() => Count(badge).ShouldBe("2"));
        Services.GetRequiredService<IState<NewOrdersState>>().Value.Newest.Select(o => o.Number).ShouldBe(["W-2", "W-1"]);

        // A manager moves W-1 on, as the order page and the grid's mass action do.
        var change = new CommerceDesk.Web.Orders.Statuses.ChangeOrderStatus(
            Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CommerceDesk.Data.CommerceDbContext>>(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CommerceDesk.Web.Orders.Statuses.ChangeOrderStatus>.Instance);
        var outcome = await change.RunAsync(firstId, CommerceDesk.Domain.Orders.OrderStatuses.InProcess, null,
            new CommerceDesk.Domain.Common.Actor("u-1", "Anna"), expectedVersion: 1, expectedSequence: 0);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        badge.WaitForAssertion(() => Count(badge).ShouldBe("1"));
        Services.GetRequiredService<IState<NewOrdersState>>().Value.Newest.Select(o => o.Number).ShouldBe(["W-2"]);
    }

    [Fact]
    public void OnlySavesThatMoveOrdersInOrOutOfIncomingAreNews()
    {
        var rules = new CommerceDesk.Domain.Orders.OrderStatusRules(CommerceDesk.Domain.Orders.DefaultOrderStatuses.Create());
        var order = new OrderBuilder().Build();
        var actor = new CommerceDesk.Domain.Common.Actor("u", "U");
        CommerceDesk.Domain.Orders.OrderStatusChanged Move(string to) => new(order, order.ChangeStatus(to, rules, actor, null, Clock.Start));

        NewOrdersNotifier.News([Move("In process")]).ShouldNotBeNull();
        NewOrdersNotifier.News([Move("On transit")]).ShouldBeNull();
        NewOrdersNotifier.News([new CommerceDesk.Domain.Orders.OrderCancelled(order)]).ShouldNotBeNull();
        NewOrdersNotifier.News([new CommerceDesk.Domain.Orders.OrderPlaced(new OrderBuilder().Build())])!.Placed.Count.ShouldBe(1);
    }
}
