using System.Globalization;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Email.Templates;

/// <summary>
/// The variables templates can use, as plain dictionaries with snake_case names (what Liquid authors expect):
/// <c>shop.name</c>, <c>customer.name</c>, <c>customer.email</c>, <c>cart.items</c> (name, sku, quantity,
/// unit_price, line_total), <c>cart.subtotal</c>, <c>cart.resume_url</c>, <c>order.number</c>, <c>order.status</c>,
/// <c>order.sub_status</c>, <c>order.total</c>, <c>order.placed_at</c>, <c>order.lines</c>, <c>order.tracking_url</c>,
/// <c>delivery.carrier</c>, <c>delivery.tracking_number</c>, <c>delivery.tracking_url</c>.
/// </summary>
public static class EmailModel
{
    public static Dictionary<string, object?> ForCart(string shopName, string customerName, string email, Cart cart, string resumeUrl) => new()
    {
        ["shop"] = Shop(shopName),
        ["customer"] = Customer(customerName, email),
        ["cart"] = new Dictionary<string, object?>
        {
            ["items"] = cart.Items.Select(i => Line(i, cart.Currency)).ToList(),
            ["subtotal"] = cart.Subtotal.ToString(),
            ["item_count"] = cart.ItemCount,
            ["resume_url"] = resumeUrl,
        },
    };

    public static Dictionary<string, object?> Shop(string name) => new() { ["name"] = name };

    public static Dictionary<string, object?> Customer(string name, string email) => new() { ["name"] = name, ["email"] = email };

    public static Dictionary<string, object?> Line(LineItem line, string currency) => Line(line.Name, line.Sku, line.Quantity, line.UnitPrice, currency);

    private static Dictionary<string, object?> Line(string name, string sku, int quantity, decimal unitPrice, string? currency) => new()
    {
        ["name"] = name,
        ["sku"] = sku,
        ["quantity"] = quantity,
        ["unit_price"] = Amount(unitPrice, currency),
        ["line_total"] = Amount(unitPrice * quantity, currency),
    };

    /// <summary>Made-up data covering every variable, for the template editor's preview. The name shows that markup is encoded.</summary>
    public static Dictionary<string, object?> Sample() => new()
    {
        ["shop"] = Shop("Web shop"),
        ["customer"] = Customer("Siobhan O'Brien <b>VIP</b>", "siobhan.obrien@example.com"),
        ["cart"] = new Dictionary<string, object?>
        {
            ["items"] = new List<object?> { Line("Espresso cup & saucer", "CUP-01", 2, 12.5m, "EUR"), Line("Coffee beans 1 kg", "BEAN-1K", 1, 24.9m, "EUR") },
            ["subtotal"] = "49.90 EUR",
            ["item_count"] = 3,
            ["resume_url"] = "https://shop.example.com/cart/resume?cart=sample&token=sample-token",
        },
        ["order"] = new Dictionary<string, object?>
        {
            ["number"] = "WEB-100042",
            ["status"] = "Completed",
            ["sub_status"] = "Delivered",
            ["total"] = "49.90 EUR",
            ["placed_at"] = "2026-11-20 14:05 UTC",
            ["lines"] = new List<object?> { Line("Espresso cup & saucer", "CUP-01", 2, 12.5m, "EUR"), Line("Coffee beans 1 kg", "BEAN-1K", 1, 24.9m, "EUR") },
            ["tracking_url"] = "https://shop.example.com/track/sample-token",
            ["payment_method"] = "Bank transfer",
            ["back_office_url"] = "http://localhost:5000/orders/1",
        },
        ["return_request"] = new Dictionary<string, object?>
        {
            ["lines"] = new List<object?> { new Dictionary<string, object?> { ["name"] = "Espresso cup & saucer", ["sku"] = "CUP-01", ["quantity"] = 1 } },
            ["reason"] = "One cup arrived broken.",
            ["refusal_reason"] = "The return period of 30 days has ended.",
        },
        ["delivery"] = new Dictionary<string, object?>
        {
            ["carrier"] = "DHL",
            ["tracking_number"] = "JD014600003828",
            ["tracking_url"] = "https://www.dhl.com/track?id=JD014600003828",
        },
    };

    private static string Amount(decimal amount, string? currency) =>
        currency is null ? amount.ToString("0.00", CultureInfo.InvariantCulture) : $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";
}
