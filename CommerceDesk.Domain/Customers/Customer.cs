using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Customers;

public sealed record CustomerDetails(
    string? Email, string? FirstName, string? LastName, string? Phone,
    string? ParentExternalId, bool IsGuest, DateTime? RegisteredAt);

public sealed class Customer : StorefrontRecord
{
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 40;

    private Customer() { }

    public Customer(long channelId, string externalId, CustomerDetails details, DateTime updatedAt, DateTime now)
        : base(channelId, externalId, now)
    {
        Apply(details, updatedAt);
    }

    public string? Email { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? Phone { get; private set; }
    public bool IsGuest { get; private set; }
    public DateTime? RegisteredAt { get; private set; }

    /// <summary>The parent as the storefront names it; kept so a parent that arrives later can be linked.</summary>
    public string? ParentExternalId { get; private set; }
    public long? ParentCustomerId { get; private set; }
    public long? AccountId { get; private set; }

    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name
        ? name
        : Email ?? ExternalId;

    /// <summary>Applies a storefront push; returns false (and changes nothing) for a stale or duplicate one.</summary>
    public bool Update(CustomerDetails details, DateTime updatedAt)
    {
        if (!IsNewer(updatedAt)) return false;
        Apply(details, updatedAt);
        return true;
    }

    public void LinkParent(Customer parent)
    {
        if (parent.Id == Id && Id != 0) throw new DomainException("A customer cannot be its own parent.");
        if (parent.ChannelId != ChannelId) throw new DomainException("A parent customer must belong to the same channel.");
        ParentCustomerId = parent.Id;
    }

    public void AssignAccount(long accountId) => AccountId = accountId;

    /// <summary>A manager picked the account: relating by the account strategy leaves this customer where it was put.</summary>
    public bool AccountChosenByHand { get; private set; }

    public void ChooseAccount(long? accountId)
    {
        AccountId = accountId;
        AccountChosenByHand = accountId is not null;
    }

    /// <summary>A self-registered (non-guest) customer without an account gets one of its own (DESIGN §8).</summary>
    public bool NeedsOwnAccount => !IsGuest && AccountId is null;

    private void Apply(CustomerDetails details, DateTime updatedAt)
    {
        var email = Guard.Optional(details.Email, "E-mail", EmailMaxLength);
        if (email is not null && !EmailAddress.IsValid(email))
            throw new DomainException($"'{email}' is not a valid e-mail address.");
        if (details.ParentExternalId is not null && details.ParentExternalId == ExternalId)
            throw new DomainException("A customer cannot be its own parent.");

        Email = email?.ToLowerInvariant();
        FirstName = Guard.Optional(details.FirstName, "First name", NameMaxLength);
        LastName = Guard.Optional(details.LastName, "Last name", NameMaxLength);
        Phone = Guard.Optional(details.Phone, "Phone", PhoneMaxLength);
        IsGuest = details.IsGuest;
        RegisteredAt = details.RegisteredAt is { } at ? Guard.Utc(at) : null;
        if (ParentExternalId != details.ParentExternalId) ParentCustomerId = null;
        ParentExternalId = Guard.Optional(details.ParentExternalId, "Parent id", ExternalIdMaxLength);
        Stamp(updatedAt);
    }
}
