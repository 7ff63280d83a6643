using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Tests.Domain;

public sealed class OrderStatusTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Anna = new("u-anna", "Anna Manager");
    private static readonly OrderStatusRules Rules = new(DefaultOrderStatuses.Create());

    /// <summary>The default lifecycle as a shop manager would describe it: from each status, where an order may go.</summary>
    private static readonly Dictionary<string, string[]> DefaultMoves = new()
    {
        [Incoming] = [InProcess, Cancelled],
        [InProcess] = [OnTransit, Delivered, ProductValuation, PurchaseSurvey, Cancelled],
        [Completed] = [OnTransit, Delivered, ProductValuation, PurchaseSurvey, RefundRequested],
        [OnTransit] = [Delivered, ProductValuation, PurchaseSurvey, RefundRequested],
        [Delivered] = [OnTransit, ProductValuation, PurchaseSurvey, RefundRequested],
        [ProductValuation] = [OnTransit, Delivered, PurchaseSurvey, RefundRequested],
        [PurchaseSurvey] = [OnTransit, Delivered, ProductValuation, RefundRequested],
        [Cancelled] = [],
        [RefundRequested] = [Refunded, InProcess],
        [Refunded] = [],
    };

    private static readonly string[] AllCodes = [.. DefaultMoves.Keys];

    public static TheoryData<string, string> AllowedMoves() =>
        Moves(DefaultMoves.SelectMany(m => m.Value.Select(to => (m.Key, to))));

    public static TheoryData<string, string> RefusedMoves() =>
        Moves(DefaultMoves.SelectMany(m => AllCodes.Except(m.Value).Select(to => (m.Key, to))));

    private static TheoryData<string, string> Moves(IEnumerable<(string From, string To)> moves)
    {
        var data = new TheoryData<string, string>();
        foreach (var (from, to) in moves) data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void AnAllowedMoveChangesTheStatusRecordsHistoryAndRaisesTheEvent(string from, string to)
    {
        var order = OrderIn(from);

        var change = order.ChangeStatus(to, Rules, Anna, "  Customer called  ", Now);

        order.StatusCode.ShouldBe(to);
        var definition = Rules.Find(to)!;
        order.Status.ShouldBe(definition.ParentCode ?? to);
        order.SubStatus.ShouldBe(definition.ParentCode is null ? null : to);
        change.FromCode.ShouldBe(from);
        change.ToCode.ShouldBe(to);
        change.ChangedBy.ShouldBe("Anna Manager");
        change.ChangedByUserId.ShouldBe("u-anna");
        change.ChangedAt.ShouldBe(Now);
        change.Note.ShouldBe("Customer called");
        change.Sequence.ShouldBe(order.StatusSequence);
        order.DomainEvents.OfType<OrderStatusChanged>().Last().Change.ShouldBeSameAs(change);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void AMoveTheLifecycleDoesNotAllowIsRefusedAndChangesNothing(string from, string to)
    {
        var order = OrderIn(from);
        var sequence = order.StatusSequence;
        var events = order.DomainEvents.Count;

        var refused = Should.Throw<DomainException>(() => order.ChangeStatus(to, Rules, Anna, null, Now));

        refused.Message.ShouldNotBeNullOrWhiteSpace();
        order.StatusCode.ShouldBe(from);
        order.StatusSequence.ShouldBe(sequence);
        order.DomainEvents.Count.ShouldBe(events);
    }

    [Fact]
    public void TheRefusalNamesBothStatuses() =>
        Should.Throw<DomainException>(() => new OrderBuilder().Build().ChangeStatus(Refunded, Rules, Anna, null, Now))
            .Message.ShouldBe("An order that is 'Incoming' cannot move to 'Refunded'.");

    [Fact]
    public void AMainStatusWithSubStatusesAsksForOneOfThem() =>
        Should.Throw<DomainException>(() => OrderIn(InProcess).ChangeStatus(Completed, Rules, Anna, null, Now))
            .Message.ShouldBe("Choose one of the sub-statuses of 'Completed'.");

    [Fact]
    public void AnUnknownStatusIsRefused() =>
        Should.Throw<DomainException>(() => new OrderBuilder().Build().ChangeStatus("Lost", Rules, Anna, null, Now))
            .Message.ShouldBe("There is no order status 'Lost'.");

    [Fact]
    public void EachChangeTakesTheNextNumberInTheOrdersHistory()
    {
        var order = new OrderBuilder().Build();

        var first = order.ChangeStatus(InProcess, Rules, Anna, null, Now);
        var second = order.ChangeStatus(OnTransit, Rules, Anna, null, Now);

        (first.Sequence, second.Sequence).ShouldBe((1, 2));
    }

    [Fact]
    public void AnAdminsEditOfTheAllowedMovesIsWhatTheOrderFollows()
    {
        var definitions = DefaultOrderStatuses.Create();
        var incoming = definitions.Single(d => d.Code == Incoming);
        incoming.Edit(incoming.Name, incoming.Colour, true, [Cancelled], null, false);
        var rules = new OrderStatusRules(definitions);

        rules.NextFrom(Incoming).Select(d => d.Code).ShouldBe([Cancelled]);
        Should.Throw<DomainException>(() => new OrderBuilder().Build().ChangeStatus(InProcess, rules, Anna, null, Now));
    }

    [Theory]
    [InlineData("blue")]
    [InlineData("#12345")]
    [InlineData("#GGGGGG")]
    public void AColourMustBeHex(string colour) =>
        Should.Throw<DomainException>(() => DefaultOrderStatuses.Create()[0].Edit("Incoming", colour, true, [], null, false));

    [Fact]
    public void AStatusCannotLeadToItself() =>
        Should.Throw<DomainException>(() => DefaultOrderStatuses.Create()[0].Edit("Incoming", "#000000", true, [Incoming], null, false));

    /// <summary>An order brought to <paramref name="code"/> along allowed moves, as a manager would.</summary>
    private static Order OrderIn(string code)
    {
        var order = new OrderBuilder().Build();
        string[] path = code switch
        {
            Incoming => [],
            InProcess => [InProcess],
            OnTransit or Delivered or ProductValuation or PurchaseSurvey => [InProcess, code],
            Cancelled => [Cancelled],
            RefundRequested => [InProcess, Delivered, RefundRequested],
            Refunded => [InProcess, Delivered, RefundRequested, Refunded],
            // Orders completed before sub-statuses existed: no path leads here any more.
            Completed => [],
            _ => throw new ArgumentOutOfRangeException(nameof(code)),
        };
        foreach (var step in path) order.ChangeStatus(step, Rules, Anna, null, Now);
        if (code == Completed) typeof(Order).GetProperty(nameof(Order.Status))!.SetValue(order, Completed);
        order.StatusCode.ShouldBe(code);
        return order;
    }
}
