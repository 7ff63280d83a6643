using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Tests.Support;

public static class Clock
{
    public static readonly DateTime Start = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
}

public sealed class CartBuilder
{
    private long _channelId = 1;
    private string _externalId = "cart-1";
    private string? _customerExternalId = "cust-1";
    private string? _email = "ada@example.com";
    private string _currency = "EUR";
    private readonly List<LineInput> _items = [];
    private CheckoutStep _step = CheckoutStep.None;
    private DateTime _updatedAt = Clock.Start;

    public CartBuilder InChannel(long channelId) { _channelId = channelId; return this; }
    public CartBuilder WithExternalId(string id) { _externalId = id; return this; }
    public CartBuilder ForCustomer(string? externalId) { _customerExternalId = externalId; return this; }
    public CartBuilder WithEmail(string? email) { _email = email; return this; }
    public CartBuilder InCurrency(string currency) { _currency = currency; return this; }
    public CartBuilder WithItem(string sku, int quantity, decimal unitPrice = 10m) { _items.Add(new(sku, sku + " name", quantity, unitPrice)); return this; }
    public CartBuilder AtStep(CheckoutStep step) { _step = step; return this; }
    public CartBuilder UpdatedAt(DateTime at) { _updatedAt = at; return this; }

    public CartSnapshot Snapshot() => new(_customerExternalId, _email, _currency, _items.ToList(), _step);

    public Cart Build() => new(_channelId, _externalId, Snapshot(), _updatedAt, _updatedAt);
}

public sealed class OrderBuilder
{
    private long _channelId = 1;
    private string _externalId = "order-1";
    private string _number = "100001";
    private string? _cartExternalId;
    private string? _customerExternalId = "cust-1";
    private readonly List<LineInput> _lines = [];
    private PaymentMethod _payment = new("card", PaymentKind.Online);
    private PaymentStatus _status = PaymentStatus.Pending;
    private DateTime _updatedAt = Clock.Start;

    public OrderBuilder InChannel(long channelId) { _channelId = channelId; return this; }
    public OrderBuilder WithExternalId(string id) { _externalId = id; return this; }
    public OrderBuilder WithNumber(string number) { _number = number; return this; }
    public OrderBuilder FromCart(string? cartExternalId) { _cartExternalId = cartExternalId; return this; }
    public OrderBuilder ForCustomer(string? externalId) { _customerExternalId = externalId; return this; }
    public OrderBuilder WithLine(string sku, int quantity, decimal unitPrice = 10m) { _lines.Add(new(sku, sku + " name", quantity, unitPrice)); return this; }
    public OrderBuilder PaidBy(PaymentKind kind, string code = "card") { _payment = new(code, kind); return this; }
    public OrderBuilder WithPaymentStatus(PaymentStatus status) { _status = status; return this; }
    public OrderBuilder UpdatedAt(DateTime at) { _updatedAt = at; return this; }

    public OrderSnapshot Snapshot() =>
        new(_number, _cartExternalId, _customerExternalId, "ada@example.com", "EUR",
            _lines.Count > 0 ? _lines.ToList() : [new("SKU-1", "Mug", 1, 12m)], _payment, _status, _updatedAt);

    public Order Build() => new(_channelId, _externalId, Snapshot(), _updatedAt, _updatedAt);
}
