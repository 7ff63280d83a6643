using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Channels;

public sealed partial class Channel
{
    public const int StaffEmailMaxLength = 254;

    /// <summary>Where this channel's staff e-mails go (new orders, status actions); null falls back to the shop-wide address.</summary>
    public string? StaffEmail { get; private set; }

    /// <summary>Sets or (blank) clears the channel's staff address.</summary>
    public void SetStaffEmail(string? address)
    {
        var email = Guard.Optional(address, "Staff e-mail", StaffEmailMaxLength);
        if (email is not null && !EmailAddress.IsValid(email))
            throw new DomainException($"'{email}' is not an e-mail address; use one such as orders@example.com.");
        StaffEmail = email?.ToLowerInvariant();
    }

    /// <summary>Where staff e-mails of this channel go: its own address, else <paramref name="shopWide"/>, else nowhere (null).</summary>
    public static string? StaffAddressOr(string? channelAddress, string? shopWide) =>
        !string.IsNullOrWhiteSpace(channelAddress) ? channelAddress
        : !string.IsNullOrWhiteSpace(shopWide) ? shopWide.Trim()
        : null;
}
