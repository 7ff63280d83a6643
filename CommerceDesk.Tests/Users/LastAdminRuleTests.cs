using CommerceDesk.Web.Users;

namespace CommerceDesk.Tests.Users;

public sealed class LastAdminRuleTests
{
    [Fact]
    public void TheLastActiveAdminCannotLoseAdminRights() =>
        LastAdminRule.Refusal("owner@shop.example", isActiveAdmin: true, removesAdmin: true, activeAdmins: 1)
            .ShouldBe("owner@shop.example is the last active admin. Make another user an admin first, so someone can still manage users and settings.");

    [Fact]
    public void AnAdminCanLoseAdminRightsWhileAnotherActiveAdminRemains() =>
        LastAdminRule.Refusal("owner@shop.example", isActiveAdmin: true, removesAdmin: true, activeAdmins: 2).ShouldBeNull();

    [Fact]
    public void AChangeThatKeepsAdminRightsIsAllowedForTheLastAdmin() =>
        LastAdminRule.Refusal("owner@shop.example", isActiveAdmin: true, removesAdmin: false, activeAdmins: 1).ShouldBeNull();

    [Fact]
    public void AManagerOrADisabledAdminMayBeChangedWhateverTheCount() =>
        LastAdminRule.Refusal("max@shop.example", isActiveAdmin: false, removesAdmin: true, activeAdmins: 1).ShouldBeNull();
}
