namespace CommerceDesk.Bench;

/// <summary>The generated data set's storefront API keys (benchmark-only data, never a real shop's).</summary>
public static class BenchKeys
{
    public static string For(string channel) => $"bench-key-for-{channel}";
}
