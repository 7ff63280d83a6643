using System.ComponentModel;
using System.Text.Json.Serialization;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Web.Storefront.Infrastructure;

namespace CommerceDesk.Web.Storefront.Carts;

[Description("The stored cart with its back-office view.")]
public sealed record CartView(
    long Id, string ExternalId, string? CustomerExternalId,
    [property: Description("Set once the customer named by customerExternalId has been received.")] long? CustomerId,
    string? Email, string Currency, IReadOnlyList<LineView> Items, decimal Subtotal, int ItemCount,
    CheckoutStep CheckoutStep, CartStatus Status, DateTime LastActivityAt, DateTime? AbandonedAt,
    [property: Description("The order placed from this cart, once received.")] long? OrderId,
    [property: Description("The back-office workflow (GET only; null on PUT responses).")] WorkflowView? Workflow,
    CrmSyncView CrmSync,
    [property: Description("The CRM opportunity made from this record, if any (GET only).")] long? OpportunityId,
    DateTime? UpdatedAt, DateTime CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("PUT only: false when the push was not newer than the stored version and so was ignored.")]
    public bool? Applied { get; init; }

    public static CartView Of(Cart c, bool? applied = null) =>
        new(c.Id, c.ExternalId, c.CustomerExternalId, c.CustomerId, c.Email, c.Currency, c.Items.Select(LineView.Of).ToList(),
            c.Subtotal.Amount, c.ItemCount, c.CheckoutStep, c.Status, c.LastActivityAt, c.AbandonedAt, c.OrderId,
            Workflow: null, CrmSyncView.Of(c.CrmSync), OpportunityId: null, c.SourceUpdatedAt, c.CreatedAt) { Applied = applied };
}
