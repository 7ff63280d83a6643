namespace CommerceDesk.Bench.Dataset;

/// <summary>The benchmark data set: DESIGN §10's one million orders and carts at scale 1.</summary>
public sealed record DatasetSpec(int Customers, int Carts, int Orders, int Seed = 20261122)
{
    public static DatasetSpec At(double scale) => new(
        Math.Max(100, (int)(200_000 * scale)),
        Math.Max(500, (int)(1_000_000 * scale)),
        Math.Max(500, (int)(1_000_000 * scale)));

    public static readonly string[] Channels = ["web", "b2b", "marketplace"];

    /// <summary>"Now" for the data set, fixed so every run generates the same rows.</summary>
    public static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
}
