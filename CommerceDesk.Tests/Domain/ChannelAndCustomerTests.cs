using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Domain;

public sealed class ChannelAndCustomerTests
{
    [Fact]
    public void ApiKeysAreStoredOnlyAsTheirHash()
    {
        var channel = new Channel("web", "Web", "EUR");

        var key = channel.AddApiKey("a-long-secret-key-value", "shop", Clock.Start);

        key.Hash.ShouldBe(ChannelApiKey.HashOf("a-long-secret-key-value"));
        key.Hash.Length.ShouldBe(ChannelApiKey.HashLength);
        key.Hash.ShouldNotContain("secret");
    }

    [Theory]
    [InlineData("outlet de")]
    [InlineData("-outlet")]
    [InlineData("outlet/de")]
    [InlineData("outlet-")]
    public void ChannelCodesThatCannotBePartOfAnApiUrlAreRefused(string code) =>
        Should.Throw<DomainException>(() => new Channel(code, "Outlet", "EUR")).Message.ShouldContain("lowercase letters, digits and dashes");

    [Fact]
    public void ChannelCodesAreLowercasedAndTimeZonesMustExist()
    {
        new Channel("Outlet-DE", "Outlet", "EUR", "Europe/Berlin").Code.ShouldBe("outlet-de");
        Should.Throw<DomainException>(() => new Channel("web", "Web", "EUR", "Mars/Olympus")).Message.ShouldContain("not a known time zone");
    }

    [Fact]
    public void ShortApiKeysAreRefused() =>
        Should.Throw<DomainException>(() => new Channel("web", "Web", "EUR").AddApiKey("short", "x", Clock.Start));

    [Fact]
    public void EnablingRemindersRecordsTheFirstActivationOnly()
    {
        var channel = new Channel("web", "Web", "EUR");
        channel.EnableReminders(Clock.Start);
        channel.EnableReminders(Clock.Start.AddDays(1));

        channel.RemindersEnabledAt.ShouldBe(Clock.Start);

        channel.DisableReminders();
        channel.EnableReminders(Clock.Start.AddDays(2));
        channel.RemindersEnabledAt.ShouldBe(Clock.Start.AddDays(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60 * 24 * 31)]
    public void TheAbandonmentDelayMustBeSensible(int minutes) =>
        Should.Throw<DomainException>(() => new Channel("web", "Web", "EUR").SetAbandonmentDelay(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void ACustomerCannotBeItsOwnParent() =>
        Should.Throw<DomainException>(() => new Customer(1, "c1", Details() with { ParentExternalId = "c1" }, Clock.Start, Clock.Start));

    [Fact]
    public void CustomerEmailIsNormalizedAndValidated()
    {
        new Customer(1, "c1", Details() with { Email = "Ada@Example.com" }, Clock.Start, Clock.Start).Email.ShouldBe("ada@example.com");
        Should.Throw<DomainException>(() => new Customer(1, "c1", Details() with { Email = "ada@" }, Clock.Start, Clock.Start));
    }

    [Fact]
    public void FullNameFallsBackToEmail() =>
        new Customer(1, "c1", Details() with { FirstName = null, LastName = null }, Clock.Start, Clock.Start).FullName.ShouldBe("ada@example.com");

    private static CustomerDetails Details() => new("ada@example.com", "Ada", "Lovelace", null, null, false, null);
}
