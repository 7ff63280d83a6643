using System.Security.Cryptography;
using System.Text;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Channels;

/// <summary>
/// A storefront's credential. Keys are long random strings, so an unsalted SHA-256 is enough to make a
/// leaked table useless while still allowing a lookup by hash on every request.
/// </summary>
public sealed class ChannelApiKey : Entity
{
    public const int HashLength = 64;
    public const int MinimumKeyLength = 16;

    private ChannelApiKey() { }

    internal ChannelApiKey(Channel channel, string plainKey, string label, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(plainKey) || plainKey.Length < MinimumKeyLength)
            throw new DomainException($"An API key must be at least {MinimumKeyLength} characters long.");
        Channel = channel;
        Hash = HashOf(plainKey);
        Label = Guard.Required(label, "Key label", 100);
        CreatedAt = Guard.Utc(now);
    }

    public long ChannelId { get; private set; }
    public Channel Channel { get; private set; } = null!;
    public string Hash { get; private set; } = "";
    public string Label { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTime now) => RevokedAt ??= Guard.Utc(now);

    public static string HashOf(string plainKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainKey)));

    public static string Generate() =>
        "cdk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
