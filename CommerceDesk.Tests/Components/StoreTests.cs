using CommerceDesk.Web.Notifications;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Components;

public sealed class StoreTests
{
    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNotifications().AddNewOrders();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void ADispatchedActionChangesTheStateAndTellsSubscribers()
    {
        using var root = Services();
        using var circuit = root.CreateScope();
        var state = circuit.ServiceProvider.GetRequiredService<IState<NewOrdersState>>();
        var changes = 0;
        state.StateChanged += (_, _) => changes++;

        circuit.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new NewOrdersCountLoaded(4));

        state.Value.ShouldBe(new NewOrdersState(4, true));
        changes.ShouldBe(1);
    }

    [Fact]
    public void AnActionThatChangesNothingNotifiesNobody()
    {
        using var root = Services();
        using var circuit = root.CreateScope();
        var state = circuit.ServiceProvider.GetRequiredService<IState<NotificationsState>>();
        var changes = 0;
        state.StateChanged += (_, _) => changes++;

        circuit.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new NotificationShown(Guid.NewGuid()));

        changes.ShouldBe(0);
    }

    [Fact]
    public void EffectsDispatchFollowUpActions()
    {
        using var root = Services();
        using var circuit = root.CreateScope();

        circuit.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new NewOrdersPlaced([new PlacedOrder(9, "W-9")]));

        var pending = circuit.ServiceProvider.GetRequiredService<IState<NotificationsState>>().Value.Pending;
        pending.Single().Message.ShouldBe("New order W-9");
        pending.Single().Href.ShouldBe("/orders/9");
    }

    [Fact]
    public void EachCircuitHasItsOwnState()
    {
        using var root = Services();
        using var first = root.CreateScope();
        using var second = root.CreateScope();

        first.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new NewOrdersCountLoaded(7));

        first.ServiceProvider.GetRequiredService<IState<NewOrdersState>>().Value.Count.ShouldBe(7);
        second.ServiceProvider.GetRequiredService<IState<NewOrdersState>>().Value.Count.ShouldBe(0);
    }

    [Fact]
    public void AStateNoFeatureRegistersIsRefusedWithTheWayToRegisterIt()
    {
        using var root = Services();
        using var circuit = root.CreateScope();

        var error = Should.Throw<InvalidOperationException>(() => circuit.ServiceProvider.GetRequiredService<IState<Unregistered>>());

        error.Message.ShouldContain("No store feature holds Unregistered");
        error.Message.ShouldContain("AddStore");
    }

    [Fact]
    public void OneStateTypeIsOneFeature()
    {
        var services = new ServiceCollection().AddNotifications();

        Should.Throw<InvalidOperationException>(() => services.AddNotifications())
            .Message.ShouldContain("already has a feature holding NotificationsState");
    }

    private sealed record Unregistered;
}
