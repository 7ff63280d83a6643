using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;

namespace CommerceDesk.Domain.Orders;

public sealed partial class Order : StorefrontRecord, IVersioned
{
    public const int NumberMaxLength = 50;
    public const int MaxLines = 500;

    private readonly List<OrderLine> _lines = [];

    private Order() { }

    /// <summary>An order placed on a storefront: the checkout is confirmed, so it starts as QuotationSent at least.</summary>
    public Order(long channelId, string externalId, OrderSnapshot snapshot, DateTime updatedAt, DateTime now)
        : base(channelId, externalId, now)
    {
        CommercialState = CommercialState.QuotationSent;
        IssueTrackingToken();
        Apply(snapshot, updatedAt);
        Raise(new OrderPlaced(this));
    }

    public string Number { get; private set; } = "";
    public string? CartExternalId { get; private set; }
    public long? CartId { get; private set; }
    public string? CustomerExternalId { get; private set; }
    public long? CustomerId { get; private set; }
    public string? Email { get; private set; }
    public string Currency => Subtotal.Currency;
    public IReadOnlyList<OrderLine> Lines => _lines;
    public Money Subtotal { get; private set; } = null!;
    public PaymentMethod PaymentMethod { get; private set; } = null!;
    public PaymentStatus PaymentStatus { get; private set; }
    public CommercialState CommercialState { get; private set; }
    public DateTime PlacedAt { get; private set; }
    public string Status { get; private set; } = OrderStatuses.Incoming;
    public string? SubStatus { get; private set; }
    public CrmSyncState CrmSync { get; private set; } = CrmSyncState.NotSynced;
    public int Version { get; private set; }

    /// <summary>Applies a storefront push; returns false (and changes nothing) for a stale or duplicate one.</summary>
    public bool Update(OrderSnapshot snapshot, DateTime updatedAt)
    {
        if (!IsNewer(updatedAt)) return false;
        Apply(snapshot, updatedAt);
        return true;
    }

    public void LinkCustomer(long customerId) => CustomerId = customerId;

    public void LinkCart(long cartId) => CartId = cartId;

    /// <summary>Links the customer the storefront named, which may have arrived before or after this order.</summary>
    public void LinkCustomer(Customers.Customer customer) =>
        CustomerId = StorefrontLinks.Check(this, customer, CustomerExternalId, "customer");

    /// <summary>
    /// Links the cart the order was placed from and marks that cart purchased. The order must be saved
    /// first (it needs its id); the cart may have arrived before or after the order.
    /// </summary>
    public void PlacedFrom(Carts.Cart cart)
    {
        var cartId = StorefrontLinks.Check(this, cart, CartExternalId, "cart");
        if (Id == 0) throw new InvalidOperationException("Save the order before linking its cart.");
        CartId = cartId;
        cart.MarkPurchased(Id);
    }

    /// <summary>A manager confirms that an offline payment (bank transfer, pay in store) arrived.</summary>
    public void ConfirmOfflinePayment()
    {
        if (PaymentMethod.Kind != PaymentKind.Offline)
            throw new DomainException("Only offline payments are confirmed by hand; online payments are confirmed by the storefront.");
        if (CommercialState != CommercialState.QuotationSent)
            throw new DomainException($"Only an order awaiting payment can be confirmed; this one is {CommercialState}.");
        PaymentStatus = PaymentStatus.Paid;
        BecomeSalesOrder();
    }

    public void Cancel()
    {
        if (CommercialState == CommercialState.Cancelled) return;
        if (Status == OrderStatuses.Completed)
            throw new DomainException("A completed order cannot be cancelled; refund it instead.");
        CommercialState = CommercialState.Cancelled;
        Status = OrderStatuses.Cancelled;
        Raise(new OrderCancelled(this));
    }

    public void SetCrmSync(CrmSyncState state) => CrmSync = state;

    private void Apply(OrderSnapshot snapshot, DateTime updatedAt)
    {
        var currency = Common.Currency.Parse(snapshot.Currency);
        var email = Guard.Optional(snapshot.Email, "E-mail", Customers.Customer.EmailMaxLength);
        if (email is not null && !EmailAddress.IsValid(email))
            throw new DomainException($"'{email}' is not a valid e-mail address.");
        if (snapshot.Lines.Count == 0) throw new DomainException("An order needs at least one line.");
        if (snapshot.Lines.Count > MaxLines) throw new DomainException($"An order can hold at most {MaxLines} lines.");
        var lines = snapshot.Lines.Select((line, i) => new OrderLine(line, i + 1)).ToList();

        Number = Guard.Required(snapshot.Number, "Order number", NumberMaxLength);
        if (snapshot.CartExternalId != CartExternalId) CartId = null;
        CartExternalId = Guard.Optional(snapshot.CartExternalId, "Cart id", ExternalIdMaxLength);
        if (snapshot.CustomerExternalId != CustomerExternalId) CustomerId = null;
        CustomerExternalId = Guard.Optional(snapshot.CustomerExternalId, "Customer id", ExternalIdMaxLength);
        Email = email?.ToLowerInvariant();
        _lines.Clear();
        _lines.AddRange(lines);
        Subtotal = LineItem.Total(lines, currency);
        PaymentMethod = snapshot.PaymentMethod;
        PlacedAt = Guard.Utc(snapshot.PlacedAt);
        ApplyPayment(snapshot.PaymentStatus);
        Stamp(updatedAt);
    }

    private void ApplyPayment(PaymentStatus status)
    {
        // A paid order never goes back to awaiting payment, and a cancelled one stays cancelled.
        if (CommercialState is CommercialState.SalesOrder or CommercialState.Cancelled)
        {
            if (status == PaymentStatus.Paid) PaymentStatus = status;
            return;
        }
        PaymentStatus = status;
        // Offline payments (bank transfer, pay in store) wait for a manager's confirmation.
        if (status == PaymentStatus.Paid && PaymentMethod.Kind == PaymentKind.Online) BecomeSalesOrder();
    }

    private void BecomeSalesOrder()
    {
        CommercialState = CommercialState.SalesOrder;
        Raise(new OrderConfirmed(this));
    }
}
