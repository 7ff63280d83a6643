using CommerceDesk.Web.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommerceDesk.Tests.Users;

/// <summary>Failed sign-ins counted per address and per account over a sliding quarter hour.</summary>
public sealed class SignInFailuresTests
{
    private const string Admin = "admin@shop.test";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInFailures _failures;

    public SignInFailuresTests() =>
        _failures = new SignInFailures(Options.Create(new SignInThrottleOptions { FailuresPerAddress = 3, FailuresPerAccount = 5, FailureWindowMinutes = 15 }), _time);

    [Fact]
    public void AnAddressPastItsFailuresIsTurnedAwayWhileTheOwnerSignsInFromAnother()
    {
        for (var i = 0; i < 3; i++) _failures.RecordFailure("203.0.113.9", Admin);

        _failures.Refusal("203.0.113.9", Admin).ShouldStartWith("Too many failed sign-ins from your network.");
        _failures.Refusal("203.0.113.9", "someone.else@shop.test").ShouldNotBeNull();
        _failures.Refusal("198.51.100.7", Admin).ShouldBeNull();
    }

    [Fact]
    public void FailuresOlderThanTheWindowNoLongerCount()
    {
        for (var i = 0; i < 3; i++) _failures.RecordFailure("203.0.113.9", Admin);
        _time.Advance(TimeSpan.FromMinutes(14));
        _failures.Refusal("203.0.113.9", Admin).ShouldNotBeNull();

        _time.Advance(TimeSpan.FromMinutes(1));

        _failures.Refusal("203.0.113.9", Admin).ShouldBeNull();
    }

    [Fact]
    public void GuessesSpreadOverManyAddressesHitTheAccountsOwnLimit()
    {
        for (var i = 0; i < 5; i++) _failures.RecordFailure($"203.0.113.{i}", Admin.ToUpperInvariant());

        _failures.Refusal("198.51.100.7", Admin).ShouldStartWith("Too many failed sign-ins for this account.");
        _failures.Refusal("198.51.100.7", "someone.else@shop.test").ShouldBeNull();
    }

    [Fact]
    public void ACorrectPasswordForgivesTheAddressesEarlierSlips()
    {
        for (var i = 0; i < 3; i++) _failures.RecordFailure("203.0.113.9", Admin);

        _failures.RecordSuccess("203.0.113.9");

        _failures.Refusal("203.0.113.9", "someone.else@shop.test").ShouldBeNull();
    }
}
