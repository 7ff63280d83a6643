using System.Security.Cryptography;
using System.Text;

namespace CommerceDesk.Web.Webhooks;

/// <summary>How a delivery is signed: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body with the channel's secret.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-CommerceDesk-Signature";
    public const string EventIdHeader = "X-CommerceDesk-Event-Id";
    public const string EventTypeHeader = "X-CommerceDesk-Event";

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(byte[] body, string secret, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header));

    /// <summary>A short, fixed-length stand-in for free text in a dedupe key.</summary>
    public static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
