using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Store.Grids;
using CommerceDesk.Web.Store.NewOrders;
using CommerceDesk.Web.Store.Notifications;

namespace CommerceDesk.Tests.Components;

public sealed class StoreReducerTests
{
    [Fact]
    public void NewOrdersCountLoadedReplacesTheCountAndMarksItLoaded()
    {
        var state = new NewOrdersCountLoadedReducer().Reduce(new NewOrdersState(3, false), new NewOrdersCountLoaded(7));

        state.ShouldBe(new NewOrdersState(7, true));
    }

    [Fact]
    public void PlacedOrdersAddToTheBadge()
    {
        var placed = new NewOrdersPlaced([new PlacedOrder(1, "W-1"), new PlacedOrder(2, "W-2")]);

        new NewOrdersPlacedReducer().Reduce(new NewOrdersState(3, true), placed).ShouldBe(new NewOrdersState(5, true));
    }

    [Fact]
    public void NoPlacedOrdersLeaveTheSameState()
    {
        var state = new NewOrdersState(3, true);

        new NewOrdersPlacedReducer().Reduce(state, new NewOrdersPlaced([])).ShouldBeSameAs(state);
    }

    [Fact]
    public void ANewFilterStartsAtTheFirstPageAndKeepsSortAndPageSize()
    {
        var state = new GridView<OrderGridFilter>(new OrderGridFilter(), new GridPaging(Page: 4, PageSize: 50, SortBy: "Number", Descending: false));

        var next = new OrdersGridFilterReducer().Reduce(state, new GridFilterChanged<OrderGridFilter>(new OrderGridFilter(Status: "Incoming")));

        next.Filter.Status.ShouldBe("Incoming");
        next.Paging.ShouldBe(new GridPaging(Page: 0, PageSize: 50, SortBy: "Number", Descending: false));
    }

    [Fact]
    public void TheSameFilterAgainKeepsThePage()
    {
        var state = new GridView<OrderGridFilter>(new OrderGridFilter(Search: "anna"), new GridPaging(Page: 2));

        new OrdersGridFilterReducer().Reduce(state, new GridFilterChanged<OrderGridFilter>(new OrderGridFilter(Search: "anna"))).ShouldBeSameAs(state);
    }

    [Fact]
    public void PagingIsKeptNormalized()
    {
        var next = new OrdersGridPagingReducer().Reduce(GridView<OrderGridFilter>.Initial, new GridPagingChanged<OrderGridFilter>(new GridPaging(Page: -1, PageSize: 5000)));

        next.Paging.ShouldBe(new GridPaging(Page: 0, PageSize: GridPaging.MaxPageSize));
    }

    [Fact]
    public void ClearingFiltersKeepsPageSizeAndSort()
    {
        var state = new GridView<OrderGridFilter>(new OrderGridFilter(Search: "x", Status: "Incoming"), new GridPaging(Page: 3, PageSize: 100, SortBy: "Subtotal"));

        var next = new OrdersGridClearReducer().Reduce(state, new GridFiltersCleared<OrderGridFilter>());

        next.ShouldBe(new GridView<OrderGridFilter>(new OrderGridFilter(), new GridPaging(Page: 0, PageSize: 100, SortBy: "Subtotal")));
    }

    [Fact]
    public void NotificationsQueueInOrderAndDropTheOldestBeyondTheLimit()
    {
        var reducer = new NotifyReducer();
        var state = new NotificationsState([]);
        var sent = Enumerable.Range(1, NotificationsState.MaxPending + 2).Select(i => Notification.Info($"n{i}")).ToList();

        foreach (var notification in sent) state = reducer.Reduce(state, new Notify(notification));

        state.Pending.ShouldBe(sent.Skip(2));
    }

    [Fact]
    public void AShownNotificationLeavesTheQueue()
    {
        var first = Notification.Info("one");
        var second = Notification.Info("two");
        var state = new NotificationsState([first, second]);

        var next = new NotificationShownReducer().Reduce(state, new NotificationShown(first.Id));

        next.Pending.ShouldBe([second]);
        new NotificationShownReducer().Reduce(next, new NotificationShown(first.Id)).ShouldBeSameAs(next);
    }
}
