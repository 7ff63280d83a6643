using System.ComponentModel;
using System.Text.Json.Serialization;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Storefront.Infrastructure;

namespace CommerceDesk.Web.Storefront.Orders;

public sealed record PaymentMethodView(string Code, PaymentKind Kind);

[Description("The stored order with its back-office view.")]
public sealed record OrderView(
    long Id, string ExternalId, string Number, string? CartExternalId,
    [property: Description("Set once the cart named by cartExternalId has been received; that cart is then purchased.")] long? CartId,
    string? CustomerExternalId,
    [property: Description("Set once the customer named by customerExternalId has been received.")] long? CustomerId,
    string? Email, string Currency, IReadOnlyList<LineView> Lines, decimal Subtotal,
    PaymentMethodView PaymentMethod, PaymentStatus PaymentStatus,
    [property: Description("quotationSent until paid (offline payments until a manager confirms), then salesOrder.")] CommercialState CommercialState,
    [property: Description("Lifecycle main status, e.g. Incoming.")] string Status, string? SubStatus,
    DateTime PlacedAt,
    [property: Description("The back-office workflow (GET only; null on PUT responses).")] WorkflowView? Workflow,
    CrmSyncView CrmSync,
    [property: Description("The CRM opportunity made from this record, if any (GET only).")] long? OpportunityId,
    DateTime? UpdatedAt, DateTime CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("PUT only: false when the push was not newer than the stored version and so was ignored.")]
    public bool? Applied { get; init; }

    [Description("The order's invoices, oldest first (GET only).")]
    public IReadOnlyList<InvoiceView> Invoices { get; init; } = [];

    [Description("Credit memos against the order's invoices, oldest first (GET only).")]
    public IReadOnlyList<CreditMemoView> CreditMemos { get; init; } = [];

    [Description("The full refund, once the order was refunded; null before (GET only).")]
    public RefundView? Refund { get; init; }

    public static OrderView Of(Order o, bool? applied = null) =>
        new(o.Id, o.ExternalId, o.Number, o.CartExternalId, o.CartId, o.CustomerExternalId, o.CustomerId, o.Email, o.Currency,
            o.Lines.Select(LineView.Of).ToList(), o.Subtotal.Amount, new PaymentMethodView(o.PaymentMethod.Code, o.PaymentMethod.Kind),
            o.PaymentStatus, o.CommercialState, o.Status, o.SubStatus, o.PlacedAt, Workflow: null, CrmSyncView.Of(o.CrmSync),
            OpportunityId: null, o.SourceUpdatedAt, o.CreatedAt) { Applied = applied };
}

public sealed record InvoiceView(
    [property: Description("Unique across the shop, one series per year, e.g. INV-2026-000123.")] string Number,
    [property: Description("The invoice's calendar day (UTC midnight).")] DateTime InvoiceDate,
    decimal Amount, string Currency,
    [property: Description("What credit memos took back from this invoice.")] decimal CreditedAmount,
    DateTime CreatedAt);

public sealed record CreditMemoView(
    [property: Description("e.g. CM-2026-000004.")] string Number, string InvoiceNumber, decimal Amount, string Currency, string Reason, DateTime IssuedAt);

public sealed record RefundView(decimal Amount, string Currency, DateTime RefundedAt, string? Reason);
