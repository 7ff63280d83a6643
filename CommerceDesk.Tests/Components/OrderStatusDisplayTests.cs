using Bunit;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Dashboard;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Orders.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Components;

/// <summary>Chips and counters name and colour statuses as the admin set them in the status table, not as the code once did.</summary>
public sealed class OrderStatusDisplayTests : MudComponentContext
{
    private async Task SeedStatusesAsync(string incomingName, string incomingColour)
    {
        await new OrderStatusSeeder(Services.GetRequiredService<IDbContextFactory<CommerceDesk.Data.CommerceDbContext>>()).SeedAsync(CancellationToken.None);
        await using var db = CreateDbContext();
        var incoming = await db.OrderStatusDefinitions.SingleAsync(d => d.Code == OrderStatuses.Incoming);
        incoming.Edit(incomingName, incomingColour, incoming.CustomerVisible, incoming.AllowedNext, incoming.CustomerTemplateKey, incoming.EmailStaff);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheChipShowsTheAdminsNameAndColourOfTheStatus()
    {
        await SeedStatusesAsync("Awaiting review", "#123456");

        var chip = Render<OrderStatusChip>(p => p.Add(c => c.Status, OrderStatuses.Incoming));

        chip.WaitForAssertion(() => chip.Find("[data-testid=order-status-chip]").TextContent.Trim().ShouldBe("Awaiting review"));
        chip.Find("[data-testid=order-status-chip]").GetAttribute("data-colour").ShouldBe("#123456");
        chip.Markup.ShouldContain("background:#123456");
    }

    [Fact]
    public async Task ASubStatusChipNamesBothAndTakesTheSubStatusColour()
    {
        await SeedStatusesAsync("Incoming", "#1E88E5");
        string delivered;
        await using (var db = CreateDbContext())
            delivered = (await db.OrderStatusDefinitions.SingleAsync(d => d.Code == OrderStatuses.Delivered)).Colour;

        var chip = Render<OrderStatusChip>(p => p.Add(c => c.Status, OrderStatuses.Completed).Add(c => c.SubStatus, OrderStatuses.Delivered));

        chip.WaitForAssertion(() => chip.Find("[data-testid=order-status-chip]").TextContent.Trim().ShouldBe("Completed · Delivered"));
        chip.Find("[data-testid=order-status-chip]").GetAttribute("data-colour").ShouldBe(delivered);
    }

    [Fact]
    public async Task TheCountersCountEachMainStatusUnderItsTableName()
    {
        await SeedStatusesAsync("Awaiting review", "#123456");
        await using (var db = CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            await shop.OrderAsync(web, "W-1", null, Clock.Start, email: "a@shop.test");
            await shop.OrderAsync(web, "W-2", null, Clock.Start, email: "b@shop.test");
            await shop.OrderAsync(web, "W-3", null, Clock.Start, email: "c@shop.test", cancelled: true);
        }

        var counters = Render<OrderStatusCounters>();

        counters.WaitForAssertion(() => counters.Find("[data-testid='status-counter-Incoming']").GetAttribute("data-count").ShouldBe("2"));
        var incoming = counters.Find("[data-testid='status-counter-Incoming']");
        incoming.TextContent.ShouldContain("Awaiting review");
        incoming.GetAttribute("data-colour").ShouldBe("#123456");
        incoming.GetAttribute("href").ShouldBe("/orders?status=Incoming");
        counters.Find("[data-testid='status-counter-Cancelled']").GetAttribute("data-count").ShouldBe("1");
        counters.Find("[data-testid='status-counter-Refunded']").GetAttribute("data-count").ShouldBe("0");
    }

    [Fact]
    public async Task RevenueLeavesOutCancelledAndRefundedOrders()
    {
        await SeedStatusesAsync("Incoming", "#1E88E5");
        await using var db = CreateDbContext();
        var shop = new ShopData(db);
        var web = await shop.ChannelAsync();
        var now = Clock.Start;
        await shop.OrderAsync(web, "W-1", null, now, unitPrice: 10m, email: "a@shop.test");
        await shop.OrderAsync(web, "W-2", null, now, unitPrice: 20m, email: "b@shop.test", cancelled: true);
        var refunded = await shop.OrderAsync(web, "W-3", null, now, unitPrice: 40m, email: "c@shop.test");
        await db.Orders.Where(o => o.Id == refunded.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatuses.Refunded));

        var revenue = await DashboardFigures.RevenueThisWeekAsync(db, now.AddHours(1), TimeZoneInfo.Utc);

        revenue.Sum(r => r.Amount).ShouldBe(10m);
    }
}
