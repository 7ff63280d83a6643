using Bunit;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Workflows;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Orders.Statuses;
using CommerceDesk.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Tests.Components;

/// <summary>The order page's status panel: Change status offers the allowed moves, takes a note, and shows the history.</summary>
public sealed class OrderStatusPanelTests : BunitContext, IAsyncLifetime
{
    private static readonly Actor Ann = new("user-ann", "Ann Manager");
    private static readonly Actor Ben = new("user-ben", "Ben Manager");
    private readonly WorkflowDatabase _db = new();

    public OrderStatusPanelTests()
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

    [Fact]
    public async Task ChangeStatusOffersOnlyTheAllowedMovesAndRecordsTheNoteInTheHistory()
    {
        var cut = Render(Host());
        cut.WaitForAssertion(() => cut.Find("[data-testid=current-status]").TextContent.ShouldBe("Incoming"));
        cut.Find("[data-testid=status-history-empty]");

        await cut.InvokeAsync(() => cut.Find("[data-testid=change-status]").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=submit-status]"));
        cut.FindAll("[data-testid^=status-option-]").Select(o => o.GetAttribute("data-testid"))
            .ShouldBe(["status-option-In process", "status-option-Cancelled"]);
        cut.Find("[data-testid=submit-status]").HasAttribute("disabled").ShouldBeTrue();
        await cut.InvokeAsync(() => cut.Find("[data-testid='status-option-In process']").Click());
        await cut.InvokeAsync(() => cut.Find("textarea").Input("Stock checked with the warehouse"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=submit-status]").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=current-status]").TextContent.ShouldBe("In process"));
        var history = cut.Find("[data-testid=status-history] li").TextContent;
        history.ShouldContain("Incoming → In process");
        history.ShouldContain("Stock checked with the warehouse");
        history.ShouldContain("Ann Manager");
        await using var db = _db.CreateDbContext();
        (await db.Orders.SingleAsync(o => o.Id == _db.OrderId)).Status.ShouldBe(InProcess);
    }

    [Fact]
    public async Task AManagerWhoseOrderWasMovedMeanwhileIsToldByWhomAndReloads()
    {
        var cut = Render(Host());
        cut.WaitForAssertion(() => cut.Find("[data-testid=change-status]"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=change-status]").Click());
        cut.WaitForAssertion(() => cut.Find("[data-testid=submit-status]"));

        await using (var db = _db.CreateDbContext())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == _db.OrderId);
            (await Services.GetRequiredService<ChangeOrderStatus>().RunAsync(_db.OrderId, Cancelled, null, Ben, order.Version, order.StatusSequence))
                .Succeeded.ShouldBeTrue();
        }
        await cut.InvokeAsync(() => cut.Find("[data-testid='status-option-In process']").Click());
        await cut.InvokeAsync(() => cut.Find("[data-testid=submit-status]").Click());

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]").TextContent.ShouldBe("This order was changed by Ben Manager; reload"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=reload]").Click());
        cut.WaitForAssertion(() => cut.Find("[data-testid=current-status]").TextContent.ShouldBe("Cancelled"));
        cut.FindAll("[data-testid=change-status]").ShouldBeEmpty();
    }

    private RenderFragment Host() => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<OrderStatusPanel>(2);
        builder.AddAttribute(3, nameof(OrderStatusPanel.OrderId), _db.OrderId);
        builder.CloseComponent();
    };
}
