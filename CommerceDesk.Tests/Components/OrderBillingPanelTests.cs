using Bunit;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Tests.Workflows;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Orders.Billing;
using CommerceDesk.Web.Orders.Statuses;
using CommerceDesk.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CommerceDesk.Tests.Components;

/// <summary>The order page's "Invoices and payments" panel: the commercial state, and Confirm payment only where it applies.</summary>
public sealed class OrderBillingPanelTests : BunitContext, IAsyncLifetime
{
    private static readonly Actor Ann = new("user-ann", "Ann Manager");
    private static readonly Actor Ben = new("user-ben", "Ben Manager");
    private readonly WorkflowDatabase _db = new();

    public OrderBillingPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLogging();
        Services.AddSingleton<IDbContextFactory<CommerceDbContext>>(_db);
        Services.AddSingleton<TimeProvider>(_db.Time);
        Services.AddOrders();
        Services.AddDisplayTimeZone();
        var auth = AddAuthorization();
        auth.SetAuthorized("ann@commercedesk.local");
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Ann.UserId),
            new System.Security.Claims.Claim(CurrentActor.DisplayNameClaim, Ann.Name));
    }

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await new OrderStatusSeeder(_db).SeedAsync(CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<long> AddOrderAsync(PaymentKind kind, PaymentStatus status, bool cancelled = false)
    {
        await using var db = _db.CreateDbContext();
        var channelId = await db.Channels.Select(c => c.Id).FirstAsync();
        var order = new OrderBuilder().InChannel(channelId).WithExternalId($"o-{kind}-{status}-{cancelled}").PaidBy(kind, kind == PaymentKind.Offline ? "bank-transfer" : "card")
            .WithPaymentStatus(status).Build();
        if (cancelled) order.Cancel();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    [Theory]
    [InlineData(PaymentKind.Offline, PaymentStatus.Pending, false, "Quotation sent", true, false)]
    [InlineData(PaymentKind.Online, PaymentStatus.Pending, false, "Quotation sent", false, false)]
    [InlineData(PaymentKind.Online, PaymentStatus.Paid, false, "Sales order", false, true)]
    [InlineData(PaymentKind.Offline, PaymentStatus.Pending, true, "Cancelled", false, false)]
    public async Task ConfirmPaymentIsOfferedOnlyForAnOfflineOrderAwaitingPayment(
        PaymentKind kind, PaymentStatus status, bool cancelled, string state, bool confirm, bool invoice)
    {
        var id = await AddOrderAsync(kind, status, cancelled);

        var cut = Render(Host(id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=commercial-state]").TextContent.Trim().ShouldBe(state));
        cut.FindAll("[data-testid=confirm-payment]").Count.ShouldBe(confirm ? 1 : 0);
        cut.FindAll("[data-testid=invoice]").Count.ShouldBe(invoice ? 1 : 0);
    }

    [Fact]
    public async Task ConfirmPaymentAsksFirstAndRecordsWhoConfirmedInTheHistory()
    {
        var id = await AddOrderAsync(PaymentKind.Offline, PaymentStatus.Pending);
        var cut = Render(Host(id));
        cut.WaitForElement("[data-testid=confirm-payment]");

        await cut.InvokeAsync(() => cut.Find("[data-testid=confirm-payment]").Click());
        var yes = cut.WaitForElement(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Confirm payment");
        await cut.InvokeAsync(() => yes.Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=commercial-state]").TextContent.Trim().ShouldBe("Sales order"));
        cut.Find("[data-testid=billing-history]").TextContent.ShouldContain("Ann Manager");
        cut.FindAll("[data-testid=confirm-payment]").ShouldBeEmpty();
        await using var db = _db.CreateDbContext();
        (await db.OrderBillingHistory.SingleAsync(h => h.OrderId == id)).ByUserId.ShouldBe(Ann.UserId);
    }

    [Fact]
    public async Task AManagerWhoConfirmsAfterAnotherIsToldWhoDidItAndNothingIsRecordedTwice()
    {
        var id = await AddOrderAsync(PaymentKind.Offline, PaymentStatus.Pending);
        var cut = Render(Host(id));
        cut.WaitForElement("[data-testid=confirm-payment]");
        await using (var db = _db.CreateDbContext())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id);
            (await Services.GetRequiredService<OrderBilling>().ConfirmPaymentAsync(id, Ben, new OrderSeen(order.Version, 0, 0))).Succeeded.ShouldBeTrue();
        }

        await cut.InvokeAsync(() => cut.Find("[data-testid=confirm-payment]").Click());
        var yes = cut.WaitForElement(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Confirm payment");
        await cut.InvokeAsync(() => yes.Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=billing-error]").TextContent.ShouldContain("changed by Ben Manager"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=billing-reload]").Click());
        cut.WaitForAssertion(() => cut.Find("[data-testid=commercial-state]").TextContent.Trim().ShouldBe("Sales order"));
        await using var check = _db.CreateDbContext();
        (await check.OrderBillingHistory.CountAsync(h => h.OrderId == id)).ShouldBe(1);
    }

    private RenderFragment Host(long orderId) => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<OrderBillingPanel>(3);
        builder.AddAttribute(4, nameof(OrderBillingPanel.OrderId), orderId);
        builder.CloseComponent();
    };
}
