using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>
/// In Chromium against the real app: a manager confirms an offline payment and invoices the order; a customer asks to
/// return items on the public form (on a phone) and the request reaches the managers' list.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class OrderBillingBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AManagerConfirmsAnOfflinePaymentAndInvoicesTheOrder()
    {
        long orderId;
        await using (var db = app.Factory.CreateDbContext())
        {
            var web = await new ShopData(db).ChannelAsync();
            var snapshot = new OrderSnapshot("E2E-BANK-1", null, null, "bruno@e2e.test", "EUR",
                [new LineInput("DESK-1", "Standing desk", 1, 420m), new LineInput("MAT-1", "Desk mat", 2, 24.5m)],
                new PaymentMethod("bank-transfer", PaymentKind.Offline), PaymentStatus.Pending, DateTime.UtcNow.AddHours(-3));
            var order = new Order(web.Id, "e2e-bank-1", snapshot, DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-3));
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;
        }

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, $"/orders/{orderId}");
        var panel = page.Locator("[data-testid=order-billing]");
        await Assertions.Expect(panel.Locator("[data-testid=commercial-state]")).ToHaveTextAsync("Quotation sent");
        await Assertions.Expect(panel.Locator("[data-testid=invoice]")).ToHaveCountAsync(0);
        await app.AssertAccessibleAsync(page, "order-billing-awaiting-payment");

        await panel.Locator("[data-testid=confirm-payment]").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("bank-transfer payment of 469.00 EUR");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm payment" }).ClickAsync();

        await Assertions.Expect(panel.Locator("[data-testid=commercial-state]")).ToHaveTextAsync("Sales order");
        await Assertions.Expect(panel.Locator("[data-testid=confirm-payment]")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.Locator("[data-testid=billing-history]")).ToContainTextAsync("Payment confirmed (bank-transfer)");
        await Assertions.Expect(panel.Locator("[data-testid=billing-history]")).ToContainTextAsync(BackOfficeSignIn.ManagerEmail);

        await panel.Locator("[data-testid=invoice]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByLabel("Amount (EUR)")).ToHaveValueAsync("469.00");
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog').getAnimations({ subtree: true }).every(a => a.playState === 'finished')");
        await app.AssertAccessibleAsync(page, "order-invoice-dialog");
        // More than the order total: refused in the dialog, nothing recorded.
        await dialog.GetByLabel("Amount (EUR)").FillAsync("500");
        await dialog.Locator("[data-testid=submit-invoice]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=billing-dialog-error]")).ToContainTextAsync("at most 469.00 EUR");
        await dialog.GetByLabel("Amount (EUR)").FillAsync("469");
        await dialog.Locator("[data-testid=submit-invoice]").ClickAsync();

        await Assertions.Expect(panel.Locator("[data-testid=invoices]")).ToContainTextAsync("INV-");
        await Assertions.Expect(panel).ToContainTextAsync("fully invoiced");
        await Assertions.Expect(panel.Locator("[data-testid=billing-history]")).ToContainTextAsync("of 469.00 EUR");
        await Assertions.Expect(panel.Locator("[data-testid=invoice]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await app.AssertAccessibleAsync(page, "order-billing-invoiced");
        await using var check = app.Factory.CreateDbContext();
        (await check.Invoices.CountAsync(i => i.OrderId == orderId)).ShouldBe(1);
    }

    [Fact]
    public async Task ACustomerAsksToReturnItemsOnAPhoneAndTheRequestReachesTheManagers()
    {
        await using (var db = app.Factory.CreateDbContext())
        {
            var shop = new ShopData(db);
            var web = await shop.ChannelAsync();
            var customer = await shop.CustomerAsync(web, "e2e-return", "Rita", "Return", "rita@e2e.test");
            var order = await shop.OrderAsync(web, "E2E-RET-1", customer, DateTime.UtcNow.AddDays(-6), unitPrice: 15m, quantity: 3, payment: PaymentStatus.Paid);
            var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync());
            var manager = new Actor("e2e", "Warehouse");
            db.OrderStatusHistory.Add(order.ChangeStatus(OrderStatuses.InProcess, rules, manager, null, DateTime.UtcNow.AddDays(-5)));
            db.OrderStatusHistory.Add(order.ChangeStatus(OrderStatuses.Delivered, rules, manager, null, DateTime.UtcNow.AddDays(-2)));
            await db.SaveChangesAsync();
        }

        var customerPage = await app.AnonymousPageAsync();
        await customerPage.SetViewportSizeAsync(390, 844);
        await customerPage.GotoAsync("/returns");
        await Assertions.Expect(customerPage.Locator("h1")).ToHaveTextAsync("Return items");
        await Assertions.Expect(customerPage.Locator("nav")).ToHaveCountAsync(0);
        await app.AssertAccessibleAsync(customerPage, "returns-find");

        // A wrong address first: the neutral answer, and no order shown.
        await customerPage.FillAsync("[data-testid=return-number]", "E2E-RET-1");
        await customerPage.FillAsync("[data-testid=return-email]", "someone@e2e.test");
        await customerPage.ClickAsync("[data-testid=return-find]");
        await Assertions.Expect(customerPage.Locator("[data-testid=return-error]")).ToContainTextAsync("We could not find an order");
        await app.AssertAccessibleAsync(customerPage, "returns-not-found");

        await customerPage.FillAsync("[data-testid=return-email]", "rita@e2e.test");
        await customerPage.ClickAsync("[data-testid=return-find]");
        await Assertions.Expect(customerPage.Locator("[data-testid=return-lines-form]")).ToContainTextAsync("Mug E2E-RET-1");
        await customerPage.FillAsync("[data-testid=return-qty-1]", "2");
        await customerPage.FillAsync("[data-testid=return-reason]", "Two arrived <b>chipped</b>");
        await app.AssertAccessibleAsync(customerPage, "returns-lines");
        await customerPage.ClickAsync("[data-testid=return-send]");
        await Assertions.Expect(customerPage.Locator("[data-testid=return-received]")).ToContainTextAsync("order E2E-RET-1");
        await app.AssertAccessibleAsync(customerPage, "returns-received");

        var page = await app.SignedInPageAsync(BackOfficeSignIn.ManagerEmail, BackOfficeSignIn.ManagerPassword, "/returns/requests");
        var list = page.Locator("[data-testid=returns-list]");
        await Assertions.Expect(list).ToContainTextAsync("E2E-RET-1");
        await Assertions.Expect(list).ToContainTextAsync("2 × Mug E2E-RET-1");
        // The customer's text is shown as text, never as markup.
        await Assertions.Expect(list).ToContainTextAsync("Two arrived <b>chipped</b>");
        await app.AssertAccessibleAsync(page, "return-requests");

        var row = list.Locator("tr", new() { HasText = "E2E-RET-1" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Accept return" }).ClickAsync();
        await Assertions.Expect(list.Locator("tr", new() { HasText = "E2E-RET-1" })).ToHaveCountAsync(0);

        await page.Locator("[data-testid=returns-all]").ClickAsync();
        await Assertions.Expect(list.Locator("tr", new() { HasText = "E2E-RET-1" })).ToContainTextAsync("Accepted");
        await list.GetByRole(AriaRole.Link, new() { Name = "E2E-RET-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=current-status]")).ToHaveTextAsync("Refund requested");
        await Assertions.Expect(page.Locator("[data-testid=order-returns]")).ToContainTextAsync("Accepted");
        await Assertions.Expect(page.Locator("[data-testid=order-billing] [data-testid=refund]")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page, "order-return-accepted");
    }
}
