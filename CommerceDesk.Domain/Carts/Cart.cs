using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;

namespace CommerceDesk.Domain.Carts;

public sealed partial class Cart : StorefrontRecord, IVersioned
{
    public const int MaxItems = 500;

    private readonly List<CartItem> _items = [];

    private Cart() { }

    public Cart(long channelId, string externalId, CartSnapshot snapshot, DateTime updatedAt, DateTime now)
        : base(channelId, externalId, now)
    {
        Apply(snapshot, updatedAt);
    }

    public string? CustomerExternalId { get; private set; }
    public long? CustomerId { get; private set; }
    public string? Email { get; private set; }
    public string Currency => Subtotal.Currency;
    public IReadOnlyList<CartItem> Items => _items;
    public Money Subtotal { get; private set; } = null!;
    public int ItemCount { get; private set; }
    public CheckoutStep CheckoutStep { get; private set; }
    public CartStatus Status { get; private set; } = CartStatus.Open;

    /// <summary>The storefront's time of the customer's last change: what abandonment is measured from.</summary>
    public DateTime LastActivityAt { get; private set; }
    public DateTime? AbandonedAt { get; private set; }
    public DateTime? ReminderSentAt { get; private set; }

    /// <summary>
    /// When the abandonment sweep examined this cart's current version: it marked it abandoned, or found it could not be
    /// (no items, nobody to contact). A push clears it, so every version idle past the delay is examined exactly once,
    /// whenever it arrived, and an examined cart leaves the part of the sweep's index the sweep reads.
    /// </summary>
    public DateTime? AbandonmentCheckedAt { get; private set; }

    /// <summary>When the reminder rules were applied to this cart; a checked cart is never examined again.</summary>
    public DateTime? ReminderCheckedAt { get; private set; }
    public long? OrderId { get; private set; }
    public CrmSyncState CrmSync { get; private set; } = CrmSyncState.NotSynced;
    public int Version { get; private set; }

    public bool HasContactEmail => !EmailAddress.IsPlaceholder(Email);

    /// <summary>Applies a storefront push; returns false (and changes nothing) for a stale or duplicate one.</summary>
    public bool Update(CartSnapshot snapshot, DateTime updatedAt)
    {
        if (!IsNewer(updatedAt)) return false;
        Apply(snapshot, updatedAt);
        // The customer came back: an abandoned cart is live again. Lost is a manager's decision and stays.
        if (Status == CartStatus.Abandoned)
        {
            Status = CartStatus.Open;
            AbandonedAt = null;
        }
        return true;
    }

    public void LinkCustomer(long customerId) => CustomerId = customerId;

    /// <summary>Links the customer the storefront named, which may have arrived before or after this cart.</summary>
    public void LinkCustomer(Customers.Customer customer) =>
        CustomerId = StorefrontLinks.Check(this, customer, CustomerExternalId, "customer");

    /// <summary>Whether the cart counts as abandoned at <paramref name="now"/> under the channel's delay (DESIGN §6).</summary>
    public bool IsAbandonedAt(DateTime now, TimeSpan delay) =>
        Status == CartStatus.Open
        && (CustomerId is not null || CustomerExternalId is not null || HasContactEmail)
        && _items.Count > 0
        && LastActivityAt <= Guard.Utc(now) - delay;

    public void MarkAbandoned(DateTime now, TimeSpan delay)
    {
        if (!IsAbandonedAt(now, delay))
            throw new DomainException("Only an open cart with items and a known customer, idle longer than the channel's delay, can be marked abandoned.");
        Status = CartStatus.Abandoned;
        AbandonedAt = Guard.Utc(now);
        AbandonmentCheckedAt = AbandonedAt;
        // No event: the sweep writes whole batches with compare-and-swap UPDATEs that no SaveChanges (so no handler)
        // sees, and what abandonment leads to, the reminder, is the sweep's own next step over the stored status.
    }

    /// <summary>Open and idle past the delay, yet not abandonable: no items, or no customer or e-mail to follow up.</summary>
    public bool IsIdleButNotAbandonableAt(DateTime now, TimeSpan delay) =>
        Status == CartStatus.Open && LastActivityAt <= Guard.Utc(now) - delay && !IsAbandonedAt(now, delay);

    /// <summary>The sweep examined this idle cart and found nothing to abandon; it is not examined again until a push changes it.</summary>
    public void MarkAbandonmentChecked(DateTime now, TimeSpan delay)
    {
        if (!IsIdleButNotAbandonableAt(now, delay))
            throw new DomainException("Only an open cart idle past the channel's delay that cannot be abandoned is marked checked.");
        AbandonmentCheckedAt = Guard.Utc(now);
    }

    /// <summary>The storefront placed an order from this cart.</summary>
    public void MarkPurchased(long orderId)
    {
        if (Status == CartStatus.Purchased && OrderId == orderId) return;
        if (Status == CartStatus.Purchased)
            throw new DomainException("This cart was already purchased by another order.");
        Status = CartStatus.Purchased;
        OrderId = orderId;
        // Its Abandoned Shopping Cart workflow moves to Converted in the same save, by the event's handler.
        Raise(new CartPurchased(this));
    }

    /// <summary>A manager gave up on the cart.</summary>
    public void MarkLost()
    {
        if (Status is CartStatus.Purchased)
            throw new DomainException("A purchased cart cannot be marked lost.");
        Status = CartStatus.Lost;
    }

    /// <summary>A manager takes a lost or abandoned cart up again.</summary>
    public void Reopen()
    {
        if (Status is not (CartStatus.Lost or CartStatus.Abandoned))
            throw new DomainException($"Only a lost or abandoned cart can be reopened; this one is {Status}.");
        Status = CartStatus.Open;
    }

    public void RecordReminderSent(DateTime now)
    {
        if (ReminderSentAt is not null) throw new DomainException("A reminder was already sent for this cart.");
        ReminderSentAt = Guard.Utc(now);
        ReminderCheckedAt ??= ReminderSentAt;
    }

    public void SetCrmSync(CrmSyncState state) => CrmSync = state;

    private void Apply(CartSnapshot snapshot, DateTime updatedAt)
    {
        var currency = Common.Currency.Parse(snapshot.Currency);
        var email = Guard.Optional(snapshot.Email, "E-mail", Customers.Customer.EmailMaxLength);
        if (email is not null && !EmailAddress.IsValid(email))
            throw new DomainException($"'{email}' is not a valid e-mail address.");
        if (snapshot.Items.Count > MaxItems)
            throw new DomainException($"A cart can hold at most {MaxItems} lines.");
        var items = snapshot.Items.Select((item, i) => new CartItem(item, i + 1)).ToList();

        if (snapshot.CustomerExternalId != CustomerExternalId) CustomerId = null;
        CustomerExternalId = Guard.Optional(snapshot.CustomerExternalId, "Customer id", ExternalIdMaxLength);
        Email = email?.ToLowerInvariant();
        _items.Clear();
        _items.AddRange(items);
        Subtotal = LineItem.Total(items, currency);
        ItemCount = items.Sum(i => i.Quantity);
        CheckoutStep = snapshot.CheckoutStep;
        LastActivityAt = Guard.Utc(updatedAt);
        AbandonmentCheckedAt = null;
        Stamp(updatedAt);
    }
}
