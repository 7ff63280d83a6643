using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Notifications;
using CommerceDesk.Web.Orders;

namespace CommerceDesk.Tests.Components;

public sealed class StoreReducerTests
{
    [Fact]
    public void NewOrdersCountLoadedReplacesTheCountAndMarksItLoaded()
    {
        var state = NewOrdersReducers.CountLoaded(new NewOrdersState(3, false), new NewOrdersCountLoaded(7));

        state.ShouldBe(new NewOrdersState(7, true));
    }

    [Fact]
    public void ALoadedCountReplacesTheOldOneInsteadOfAddingToIt()
    {
        var newest = new[] { new NewOrderItem(2, "W-2", "Ada", DateTime.UnixEpoch, 10m, "EUR") };

        var state = NewOrdersReducers.CountLoaded(new NewOrdersState(5, true), new NewOrdersCountLoaded(1, newest));

        state.ShouldBe(new NewOrdersState(1, true, newest));
    }

    [Fact]
    public void ANewFilterStartsAtTheFirstPageAndKeepsSortAndPageSize()
    {
        var state = new GridView<OrderGridFilter>(new OrderGridFilter(), new GridPaging(Page: 4, PageSize: 50, SortBy: "Number", Descending: false));

        var next = GridViewReducers.FilterChanged(state, new GridFilterChanged<OrderGridFilter>(new OrderGridFilter(Status: "Incoming")));

        next.Filter.Status.ShouldBe("Incoming");
        next.Paging.ShouldBe(new GridPaging(Page: 0, PageSize: 50, SortBy: "Number", Descending: false));
    }

    [Fact]
    public void TheSameFilterAgainKeepsThePage()
    {
        var state = new GridView<OrderGridFilter>(new OrderGridFilter(Search: "anna"), new GridPaging(Page: 2));

        GridViewReducers.FilterChanged(state, new GridFilterChanged<OrderGridFilter>(new OrderGridFilter(Search: "anna"))).ShouldBeSameAs(state);
    }

    [Fact]
    public void PagingIsKeptNormalized()
    {
        var next = GridViewReducers.PagingChanged(GridView<OrderGridFilter>.Initial, new GridPagingChanged<OrderGridFilter>(new GridPaging(Page: -1, PageSize: 5000)));

        next.Paging.ShouldBe(new GridPaging(Page: 0, PageSize: GridPaging.MaxPageSize));
    }

    [Fact]
    public void ClearingFiltersKeepsPageSizeAndSort()
    {
        var state = new GridView<OrderGridFilter>(new OrderGridFilter(Search: "x", Status: "Incoming"), new GridPaging(Page: 3, PageSize: 100, SortBy: "Subtotal"));

        var next = GridViewReducers.FiltersCleared(state, new GridFiltersCleared<OrderGridFilter>());

        next.ShouldBe(new GridView<OrderGridFilter>(new OrderGridFilter(), new GridPaging(Page: 0, PageSize: 100, SortBy: "Subtotal")));
    }

    [Fact]
    public void NotificationsQueueInOrderAndDropTheOldestBeyondTheLimit()
    {
        var state = new NotificationsState([]);
        var sent = Enumerable.Range(1, NotificationsState.MaxPending + 2).Select(i => Notification.Info($"n{i}")).ToList();

        foreach (var notification in sent) state = NotificationsReducers.Notify(state, new Notify(notification));

        state.Pending.ShouldBe(sent.Skip(2));
    }

    [Fact]
    public void AShownNotificationLeavesTheQueue()
    {
        var first = Notification.Info("one");
        var second = Notification.Info("two");
        var state = new NotificationsState([first, second]);

        var next = NotificationsReducers.Shown(state, new NotificationShown(first.Id));

        next.Pending.ShouldBe([second]);
        NotificationsReducers.Shown(next, new NotificationShown(first.Id)).ShouldBeSameAs(next);
    }
}
