using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Tests.Domain;

public sealed class StorefrontLinkingTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Customer NewCustomer(long channelId = 1, string externalId = "c-1", bool isGuest = false) =>
        new(channelId, externalId, new CustomerDetails("ada@example.com", "Ada", "Lovelace", null, null, isGuest, null), Now, Now);

    private static Cart NewCart(string? customer = "c-1", long channelId = 1) =>
        new(channelId, "cart-1", new CartSnapshot(customer, null, "EUR", [new LineInput("SKU", "Thing", 1, 10m)], CheckoutStep.None), Now, Now);

    private static Order NewOrder(string? cart = "cart-1") =>
        new(1, "o-1", new OrderSnapshot("SO-1", cart, "c-1", null, "EUR", [new LineInput("SKU", "Thing", 1, 10m)],
            new PaymentMethod("card", PaymentKind.Online), PaymentStatus.Pending, Now), Now, Now);

    [Fact]
    public void RegisteredCustomerOpensAnAccountOfItsNameThatItOwns()
    {
        var customer = NewCustomer();
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(customer, 7L); // as if saved

        var account = Account.OpenedFor(customer);

        account.Name.ShouldBe("Ada Lovelace");
        account.OwnerCustomerId.ShouldBe(7L);
    }

    [Fact]
    public void GuestCustomerGetsNoAccountOfItsOwn()
    {
        var guest = NewCustomer(isGuest: true);

        guest.NeedsOwnAccount.ShouldBeFalse();
        Should.Throw<DomainException>(() => Account.OpenedFor(guest));
    }

    [Fact]
    public void CartCannotLinkACustomerOfAnotherChannel() =>
        Should.Throw<DomainException>(() => NewCart().LinkCustomer(NewCustomer(channelId: 2)))
            .Message.ShouldContain("another channel");

    [Fact]
    public void CartCannotLinkACustomerItDoesNotName() =>
        Should.Throw<DomainException>(() => NewCart(customer: "c-9").LinkCustomer(NewCustomer()))
            .Message.ShouldContain("c-9");

    [Fact]
    public void OrderCannotBePlacedFromACartItDoesNotName() =>
        Should.Throw<DomainException>(() => NewOrder(cart: "cart-2").PlacedFrom(NewCart()))
            .Message.ShouldContain("cart-2");
}
