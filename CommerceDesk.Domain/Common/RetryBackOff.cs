namespace CommerceDesk.Domain.Common;

/// <summary>How long work that failed waits before its next try: the e-mail outbox, the status webhook and the CRM sync.</summary>
public static class RetryBackOff
{
    /// <summary><paramref name="first"/>, then twice as long after each further failure (1, 2, 4, 8 … minutes), at most <paramref name="max"/>.</summary>
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
    }
}
