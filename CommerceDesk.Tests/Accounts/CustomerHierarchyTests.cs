using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Accounts;

public sealed class CustomerHierarchyTests
{
    [Fact]
    public void RootIsFoundAtAnyDepth()
    {
        var parents = new Dictionary<long, long?> { [1] = null, [2] = 1, [3] = 2, [4] = 3 };

        CustomerHierarchy.RootOf(4, id => parents[id]).ShouldBe(1);
        CustomerHierarchy.RootOf(1, id => parents[id]).ShouldBe(1);
    }

    [Fact]
    public void AHierarchyGoingRoundInACircleIsRefused()
    {
        var parents = new Dictionary<long, long?> { [1] = 3, [2] = 1, [3] = 2 };

        Should.Throw<DomainException>(() => CustomerHierarchy.RootOf(2, id => parents[id])).Message.ShouldContain("circle");
    }

    [Fact]
    public void OnlyARealChangeOfStrategyIsAudited()
    {
        var settings = AccountSettings.Default();
        var admin = new Actor("u1", "Ann Admin");

        settings.ChangeStrategy(AccountStrategy.OnePerCustomer, admin, Clock.Start).ShouldBeNull();
        var change = settings.ChangeStrategy(AccountStrategy.OnePerHierarchy, admin, Clock.Start)!;

        change.ShouldSatisfyAllConditions(
            () => change.FromValue.ShouldBe("One account per customer"),
            () => change.ToValue.ShouldBe("One account for the whole customer hierarchy"),
            () => change.ChangedBy.ShouldBe("Ann Admin"),
            () => change.ChangedAt.ShouldBe(Clock.Start));
    }
}
