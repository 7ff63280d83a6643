using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Email.Reminders;

/// <summary>
/// The "Resume your order" link. Its token is an HMAC of the channel and the storefront's cart id under
/// <c>Email:ResumeLinkKey</c>: unguessable without the key, and the storefront, sharing the key, checks it
/// without asking us.
/// </summary>
public sealed class CartResumeLinks(IOptions<EmailOptions> options)
{
    public string TokenFor(string channelCode, string cartExternalId)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.ResumeLinkKey);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"cart-resume:{channelCode}:{cartExternalId}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public bool IsValid(string channelCode, string cartExternalId, string token) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(TokenFor(channelCode, cartExternalId)), Encoding.ASCII.GetBytes(token ?? ""));

    public string UrlFor(string channelCode, string cartExternalId) =>
        options.Value.ResumeCartUrl
            .Replace("{channel}", Uri.EscapeDataString(channelCode), StringComparison.Ordinal)
            .Replace("{cart}", Uri.EscapeDataString(cartExternalId), StringComparison.Ordinal)
            .Replace("{token}", TokenFor(channelCode, cartExternalId), StringComparison.Ordinal);
}
