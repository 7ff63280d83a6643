using CommerceDesk.Domain.Email;

namespace CommerceDesk.Web.Email.Templates;

/// <summary>The templates every installation starts with; admins edit them on Settings → E-mail templates.</summary>
public static class DefaultEmailTemplates
{
    public sealed record Default(string Key, string Name, string Subject, string HtmlBody, string TextBody)
    {
        public string HtmlBody { get; } = Expand(HtmlBody, "[[LINES ", HtmlLines);
        public string TextBody { get; } = Expand(TextBody, "[[TEXTLINES ", PlainLines);
    }

    /// <summary>Replaces "[[LINES order.lines]]" with the line table over that list.</summary>
    private static string Expand(string source, string marker, string lines)
    {
        var start = source.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return source;
        var end = source.IndexOf("]]", start, StringComparison.Ordinal);
        var list = source[(start + marker.Length)..end];
        return source[..start] + lines.Replace("LIST", list, StringComparison.Ordinal) + source[(end + 2)..];
    }

    private const string HtmlLines = """
        <table cellpadding="4" style="border-collapse:collapse">
        {% for line in LIST %}<tr><td>{{ line.quantity }} × {{ line.name }}</td><td style="text-align:right">{{ line.line_total }}</td></tr>
        {% endfor %}</table>
        """;

    private const string PlainLines = """
        {% for line in LIST %}- {{ line.quantity }} x {{ line.name }}: {{ line.line_total }}
        {% endfor %}
        """;

    public static IReadOnlyList<Default> All { get; } =
    [
        new(EmailTemplateKeys.CartReminder, "Abandoned-cart reminder",
            "You left something in your cart at {{ shop.name }}",
            """
            <p>Hello {{ customer.name }},</p>
            <p>You left these items in your cart at {{ shop.name }}:</p>
            [[LINES cart.items]]
            <p>Subtotal: <strong>{{ cart.subtotal }}</strong></p>
            <p><a href="{{ cart.resume_url }}" style="background:#1976d2;color:#fff;padding:10px 18px;text-decoration:none;border-radius:4px">Resume your order</a></p>
            <p>If you have questions, just reply to this e-mail.</p>
            """,
            """
            Hello {{ customer.name }},

            You left these items in your cart at {{ shop.name }}:
            [[TEXTLINES cart.items]]
            Subtotal: {{ cart.subtotal }}

            Resume your order: {{ cart.resume_url }}
            """),
        new(EmailTemplateKeys.Quotation, "Quotation",
            "Your quotation {{ order.number }} from {{ shop.name }}",
            """
            <p>Hello {{ customer.name }},</p>
            <p>Here is your quotation <strong>{{ order.number }}</strong>:</p>
            [[LINES order.lines]]
            <p>Total: <strong>{{ order.total }}</strong></p>
            <p>Payment method: {{ order.payment_method }}. We confirm the order as soon as the payment arrives.</p>
            """,
            """
            Hello {{ customer.name }},

            Here is your quotation {{ order.number }}:
            [[TEXTLINES order.lines]]
            Total: {{ order.total }}
            Payment method: {{ order.payment_method }}. We confirm the order as soon as the payment arrives.
            """),
        new(EmailTemplateKeys.OrderConfirmation, "Order confirmation",
            "Order {{ order.number }} confirmed",
            """
            <p>Hello {{ customer.name }},</p>
            <p>Thank you for your order <strong>{{ order.number }}</strong> placed on {{ order.placed_at }}.</p>
            [[LINES order.lines]]
            <p>Total: <strong>{{ order.total }}</strong></p>
            <p><a href="{{ order.tracking_url }}">Follow your order</a></p>
            """,
            """
            Hello {{ customer.name }},

            Thank you for your order {{ order.number }} placed on {{ order.placed_at }}.
            [[TEXTLINES order.lines]]
            Total: {{ order.total }}

            Follow your order: {{ order.tracking_url }}
            """),
        new(EmailTemplateKeys.OrderStatusChanged, "Order status change",
            "Order {{ order.number }}: {{ order.status }}",
            """
            <p>Hello {{ customer.name }},</p>
            <p>Your order <strong>{{ order.number }}</strong> is now <strong>{{ order.status }}{% if order.sub_status %} – {{ order.sub_status }}{% endif %}</strong>.</p>
            <p><a href="{{ order.tracking_url }}">Follow your order</a></p>
            """,
            """
            Hello {{ customer.name }},

            Your order {{ order.number }} is now {{ order.status }}{% if order.sub_status %} - {{ order.sub_status }}{% endif %}.

            Follow your order: {{ order.tracking_url }}
            """),
        new(EmailTemplateKeys.DeliveryDone, "Delivery done",
            "Order {{ order.number }} has been delivered",
            """
            <p>Hello {{ customer.name }},</p>
            <p>Your order <strong>{{ order.number }}</strong> has been delivered by {{ delivery.carrier }}.</p>
            [[LINES order.lines]]
            <p>Tracking number: {{ delivery.tracking_number }} – <a href="{{ delivery.tracking_url }}">see the parcel's journey</a></p>
            <p><a href="{{ order.tracking_url }}">Your order</a> · If anything is missing or damaged, just reply to this e-mail.</p>
            """,
            """
            Hello {{ customer.name }},

            Your order {{ order.number }} has been delivered by {{ delivery.carrier }}.
            [[TEXTLINES order.lines]]
            Tracking number: {{ delivery.tracking_number }}
            The parcel's journey: {{ delivery.tracking_url }}
            Your order: {{ order.tracking_url }}

            If anything is missing or damaged, just reply to this e-mail.
            """),
        new(EmailTemplateKeys.StaffNewOrder, "Staff: new order",
            "New order {{ order.number }} ({{ order.total }})",
            """
            <p>A new order arrived from {{ shop.name }}.</p>
            <p><strong>{{ order.number }}</strong> by {{ customer.name }} ({{ customer.email }}), {{ order.total }}, paid by {{ order.payment_method }}.</p>
            [[LINES order.lines]]
            <p><a href="{{ order.back_office_url }}">Open the order</a></p>
            """,
            """
            A new order arrived from {{ shop.name }}.

            {{ order.number }} by {{ customer.name }} ({{ customer.email }}), {{ order.total }}, paid by {{ order.payment_method }}.
            [[TEXTLINES order.lines]]
            Open the order: {{ order.back_office_url }}
            """),
        new(EmailTemplateKeys.StaffOrderStatus, "Staff: order status change",
            "Order {{ order.number }} is now {{ order.status }}{% if order.sub_status %} – {{ order.sub_status }}{% endif %}",
            """
            <p>Order <strong>{{ order.number }}</strong> from {{ shop.name }} ({{ customer.name }}, {{ order.total }}) is now <strong>{{ order.status }}{% if order.sub_status %} – {{ order.sub_status }}{% endif %}</strong>.</p>
            <p><a href="{{ order.back_office_url }}">Open the order</a></p>
            """,
            """
            Order {{ order.number }} from {{ shop.name }} ({{ customer.name }}, {{ order.total }}) is now {{ order.status }}{% if order.sub_status %} - {{ order.sub_status }}{% endif %}.

            Open the order: {{ order.back_office_url }}
            """),
        new(EmailTemplateKeys.ReturnAccepted, "Return request accepted",
            "Your return for order {{ order.number }} is accepted",
            """
            <p>Hello {{ customer.name }},</p>
            <p>We accepted your request to return these items of order <strong>{{ order.number }}</strong>:</p>
            <ul>{% for line in return_request.lines %}<li>{{ line.quantity }} × {{ line.name }}</li>{% endfor %}</ul>
            <p>Please send them back to us; we refund you once they arrive.</p>
            """,
            """
            Hello {{ customer.name }},

            We accepted your request to return these items of order {{ order.number }}:
            {% for line in return_request.lines %}- {{ line.quantity }} x {{ line.name }}
            {% endfor %}
            Please send them back to us; we refund you once they arrive.
            """),
        new(EmailTemplateKeys.ReturnRefused, "Return request refused",
            "Your return for order {{ order.number }}",
            """
            <p>Hello {{ customer.name }},</p>
            <p>We are sorry: we cannot accept your request to return items of order <strong>{{ order.number }}</strong>.</p>
            <p>{{ return_request.refusal_reason }}</p>
            <p>If you have questions, just reply to this e-mail.</p>
            """,
            """
            Hello {{ customer.name }},

            We are sorry: we cannot accept your request to return items of order {{ order.number }}.

            {{ return_request.refusal_reason }}

            If you have questions, just reply to this e-mail.
            """),
    ];
}
