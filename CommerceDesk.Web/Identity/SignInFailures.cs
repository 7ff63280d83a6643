using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Identity;

/// <summary>
/// Failed sign-ins over the last <see cref="SignInThrottleOptions.FailureWindowMinutes"/> minutes, per client address and
/// per account, in this node's memory. An address past its share is turned away before its guess is checked, so a
/// stranger guessing from one address locks out only themselves, never the account's owner (an account-wide lockout
/// would let anyone keep an admin out by guessing slowly). The per-account limit, far higher, stops a guesser spread
/// over many addresses.
/// </summary>
public sealed class SignInFailures(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromMinutes(Math.Max(1, options.Value.FailureWindowMinutes));

    /// <summary>Why this attempt is turned away unchecked, or null when it may go ahead.</summary>
    public string? Refusal(string address, string email)
    {
        var now = time.GetUtcNow();
        if (Count(AddressKey(address), now) >= options.Value.FailuresPerAddress)
            return $"Too many failed sign-ins from your network. Try again in {Window.TotalMinutes:0} minutes.";
        if (Count(AccountKey(email), now) >= options.Value.FailuresPerAccount)
            return $"Too many failed sign-ins for this account. Try again in {Window.TotalMinutes:0} minutes.";
        return null;
    }

    public void RecordFailure(string address, string email)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > PruneAbove) Prune(now);
        foreach (var key in new[] { AddressKey(address), AccountKey(email) })
        {
            var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (times) times.Enqueue(now);
        }
    }

    /// <summary>A correct password from this address forgives its earlier slips.</summary>
    public void RecordSuccess(string address) => _failures.TryRemove(AddressKey(address), out _);

    private int Count(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times)) return 0;
        lock (times)
        {
            while (times.Count > 0 && times.Peek() <= now - Window) times.Dequeue();
            return times.Count;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _failures.Keys)
            if (Count(key, now) == 0) _failures.TryRemove(key, out _);
    }

    private static string AddressKey(string address) => "address:" + address;

    private static string AccountKey(string email) => "account:" + email.Trim().ToUpperInvariant();
}
