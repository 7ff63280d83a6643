using System.Text.RegularExpressions;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Products;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>
/// An offline-paid order from confirmation to the customer's doorstep in Chromium against the demo shop (route pick →
/// pack → ship, carriers DHL, UPS, DPD): the delivery panel's steps, the ship dialog, "Mark delivered", then the
/// customer's public tracking page.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class FulfilmentBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AManagerPicksPacksShipsAndDeliversAndTheCustomerTracksTheOrder()
    {
        long orderId;
        string token;
        await using (var db = app.Factory.CreateDbContext())
        {
            var web = await new ShopData(db).ChannelAsync();
            var order = new Order(web.Id, "e2e-delivery", new OrderSnapshot("E2E-DL-1", null, null, "dora@e2e.test", "EUR",
                [new LineInput("SKU-0001", "Garden lamp", 2, 39.90m), new LineInput("SKU-0002", "Bulb", 4, 3.5m)],
                new PaymentMethod("bank-transfer", PaymentKind.Offline), PaymentStatus.Pending, DateTime.UtcNow.AddHours(-2)),
                DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2));
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            (orderId, token) = (order.Id, order.TrackingToken!);
        }

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, $"/orders/{orderId}");
        await page.SetViewportSizeAsync(1400, 1000);
        // The bank transfer arrived: "Confirm payment" makes it a sales order, which reserves its stock and creates the delivery.
        var billing = page.Locator("[data-testid=order-billing]");
        await Assertions.Expect(billing.Locator("[data-testid=commercial-state]")).ToHaveTextAsync("Quotation sent");
        await Assertions.Expect(page.Locator("[data-testid=delivery-pick]")).ToHaveCountAsync(0);
        await billing.Locator("[data-testid=confirm-payment]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Confirm payment" }).ClickAsync();
        await Assertions.Expect(billing.Locator("[data-testid=commercial-state]")).ToHaveTextAsync("Sales order");
        var panel = page.Locator("[data-testid=order-delivery]");
        var pick = panel.Locator("[data-testid=delivery-pick]");
        var pack = panel.Locator("[data-testid=delivery-pack]");
        var ship = panel.Locator("[data-testid=delivery-ship]");
        var deliver = panel.Locator("[data-testid=delivery-deliver]");
        await Assertions.Expect(pick).ToBeEnabledAsync();
        await Assertions.Expect(pack).ToBeDisabledAsync();
        await Assertions.Expect(ship).ToBeDisabledAsync();
        await Assertions.Expect(deliver).ToBeDisabledAsync();
        await app.AssertAccessibleAsync(page, "order-delivery-panel");

        await pick.ClickAsync();
        await Assertions.Expect(pack).ToBeEnabledAsync();
        await Assertions.Expect(pick).ToHaveTextAsync("Picked");
        await pack.ClickAsync();
        await Assertions.Expect(ship).ToBeEnabledAsync();
        await ship.ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await page.Locator(".mud-input-control.mud-select").Filter(new() { Has = page.Locator("#ship-carrier") }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "DHL", Exact = true }).ClickAsync();
        await dialog.Locator("#ship-tracking").FillAsync("JD014600 77");
        await Assertions.Expect(dialog).ToContainTextAsync("AWB=JD014600%2077");
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        await app.AssertAccessibleAsync(page, "order-ship-dialog");
        await dialog.Locator("[data-testid=ship-submit]").ClickAsync();

        var link = panel.Locator("[data-testid=delivery-tracking-link]");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "https://www.dhl.com/en/express/tracking.html?AWB=JD014600%2077");
        await Assertions.Expect(page.Locator("[data-testid=current-status]")).ToHaveTextAsync("Completed · On transit");
        await deliver.ClickAsync();
        await Assertions.Expect(deliver).ToHaveTextAsync("Delivered");
        await Assertions.Expect(page.Locator("[data-testid=current-status]")).ToHaveTextAsync("Completed · Delivered");
        await Assertions.Expect(page.Locator("[data-testid=status-history]")).ToContainTextAsync("Completed · On transit → Completed · Delivered");
        await app.AssertAccessibleAsync(page, "order-delivery-done");

        // Invoiced for the whole order once delivered.
        await billing.Locator("[data-testid=invoice]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog").GetByLabel("Amount (EUR)")).ToHaveValueAsync("93.80");
        await page.Locator(".mud-dialog [data-testid=submit-invoice]").ClickAsync();
        await Assertions.Expect(billing.Locator("[data-testid=invoices]")).ToContainTextAsync("INV-");
        await Assertions.Expect(billing).ToContainTextAsync("fully invoiced");

        // The customer, not signed in, on a phone.
        var customer = await app.AnonymousPageAsync();
        await customer.SetViewportSizeAsync(390, 844);
        await customer.GotoAsync($"{app.BaseUrl}/track/{token}");
        await Assertions.Expect(customer.Locator("h1")).ToHaveTextAsync("Order E2E-DL-1");
        await Assertions.Expect(customer.Locator("[data-testid=tracking-status]")).ToContainTextAsync("Delivered");
        await Assertions.Expect(customer.Locator("[data-testid=tracking-link]"))
            .ToHaveAttributeAsync("href", "https://www.dhl.com/en/express/tracking.html?AWB=JD014600%2077");
        await Assertions.Expect(customer.Locator("[data-testid=tracking-lines]")).ToContainTextAsync("Garden lamp");
        (await customer.Locator("body").InnerTextAsync()).ShouldNotContain("dora@e2e.test");
        (await customer.Locator("nav, a[href^='/']").CountAsync()).ShouldBe(0);
        // Fits the phone: nothing wider than the screen.
        (await customer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await app.AssertAccessibleAsync(customer, "tracking-page-phone");

        await customer.GotoAsync($"{app.BaseUrl}/track/not-a-real-token");
        await Assertions.Expect(customer.Locator("h1")).ToHaveTextAsync("Order not found");
        await app.AssertAccessibleAsync(customer, "tracking-page-not-found");

        await using var check = app.Factory.CreateDbContext();
        (await check.Set<OutboxMessage>().CountAsync(m => m.DedupeKey == $"delivery-done:{orderId}")).ShouldBe(1);
    }

    [Fact]
    public async Task TheProductsPageShowsOversoldStockInRed()
    {
        await using (var db = app.Factory.CreateDbContext())
        {
            var web = await new ShopData(db).ChannelAsync();
            db.Products.Add(new Product(web.Id, "E2E-OVER", new ProductDetails("Oversold kettle", new Money(20m, "EUR"), 1),
                DateTime.UtcNow, DateTime.UtcNow));
            await db.SaveChangesAsync();
            await db.Products.Where(p => p.ExternalId == "E2E-OVER").ExecuteUpdateAsync(s => s.SetProperty(p => p.Reserved, 3));
        }
        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/products");
        await page.SetViewportSizeAsync(1400, 900);
        var rows = page.Locator("tbody tr.mud-table-row");

        await page.FillAsync("#products-search", "kettle");

        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var oversold = rows.Locator("[data-testid=oversold]");
        await Assertions.Expect(oversold).ToHaveTextAsync(new Regex("^-2"));
        (await oversold.EvaluateAsync<string>("e => getComputedStyle(e).color")).ShouldBe("rgb(183, 28, 28)");
    }
}
