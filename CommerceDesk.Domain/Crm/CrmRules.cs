using CommerceDesk.Domain.Carts;

namespace CommerceDesk.Domain.Crm;

/// <summary>What changed on a cart or order, as far as the CRM cares.</summary>
public enum CrmChange
{
    CartItems, CartQuantities, CartCheckoutStep, CartOther,
    OrderStatus, OrderConfirmed, OrderShipped, OrderInvoiced, OrderCreditMemo, OrderOther,
}

/// <summary>How an order comes by its opportunity.</summary>
public enum OpportunityChoice
{
    /// <summary>It already has one: update it.</summary>
    UpdateExisting,
    /// <summary>The cart it was placed from has one: the order takes it over.</summary>
    ReuseCartOpportunity,
    Create,
    /// <summary>Create opportunity is Never and there is none to reuse.</summary>
    None,
}

/// <summary>An order as the stage rules see it.</summary>
public sealed record OrderFacts(string Status, string? SubStatus, bool IsPaid, DateTime? InvoiceDate = null);

/// <summary>
/// The Magento↔Salesforce connector's rules (DESIGN §7) as plain functions of the settings: which changes sync,
/// which stage and close date an opportunity gets, whether an order creates or reuses one, and its contact role.
/// </summary>
public static class CrmRules
{
    /// <summary>The stage a new opportunity starts in when no rule names another.</summary>
    public const string InitialStage = OpportunityStages.Prospecting;

    /// <summary>With automatic synchronization on for its section, a change of a synced kind queues the record.</summary>
    public static bool NeedsSync(CrmSettings settings, CrmChange change) => change switch
    {
        CrmChange.CartItems or CrmChange.CartQuantities or CrmChange.CartCheckoutStep => settings.CartAutomaticSync,
        CrmChange.OrderStatus or CrmChange.OrderConfirmed or CrmChange.OrderShipped
            or CrmChange.OrderInvoiced or CrmChange.OrderCreditMemo => settings.OrderAutomaticSync,
        _ => false,
    };

    /// <summary>A cart's opportunity: the abandoned cart stage once checkout began (shipping step filled), else as it is.</summary>
    public static string CartStage(CrmSettings settings, CheckoutStep step, string? current) =>
        step >= CheckoutStep.Shipping && settings.AbandonedCartStage is { } abandoned ? abandoned : current ?? InitialStage;

    /// <summary>A cart's opportunity is expected to close N days after it was created.</summary>
    public static DateTime CartCloseDate(CrmSettings settings, DateTime createdAt) => createdAt.Date.AddDays(settings.CartExpectedCloseDays);

    /// <summary>
    /// Convert = Yes: paid → the converted stage, otherwise unchanged. Convert = No: the stage the mapping names for the
    /// order's sub-status or status (which shipping, invoicing and credit memos move), otherwise unchanged.
    /// </summary>
    public static string OrderStage(CrmSettings settings, OrderFacts order, string? current)
    {
        if (settings.ConvertOpportunity)
            return order.IsPaid ? settings.ConvertedStage : current ?? InitialStage;
        if (order.SubStatus is { } sub && settings.StageMapping.TryGetValue(sub, out var bySub)) return bySub;
        if (settings.StageMapping.TryGetValue(order.Status, out var byStatus)) return byStatus;
        return current ?? InitialStage;
    }

    /// <summary>Sales cycle length after creation; with Convert and "Use invoice date", the invoice date once there is one.</summary>
    public static DateTime OrderCloseDate(CrmSettings settings, DateTime createdAt, DateTime? invoiceDate) =>
        settings.ConvertOpportunity && settings.UseInvoiceDateAsCloseDate && invoiceDate is { } invoiced
            ? invoiced.Date
            : createdAt.Date.AddDays(settings.SalesCycleDays);

    /// <summary>
    /// The stages an opportunity moves through: an order's update of an existing opportunity passes through the draft
    /// stage when one is set (so the stage history shows it), then lands on the target.
    /// </summary>
    public static IReadOnlyList<string> StagePath(CrmSettings settings, string? current, string target, bool orderUpdate)
    {
        if (current == target) return [];
        if (current is not null && orderUpdate && settings.DraftStage is { } draft && draft != current && draft != target) return [draft, target];
        return [target];
    }

    public static OpportunityChoice ChooseForOrder(CrmSettings settings, bool orderHasOpportunity, bool cartHasOpportunity) =>
        orderHasOpportunity ? OpportunityChoice.UpdateExisting
        : cartHasOpportunity ? OpportunityChoice.ReuseCartOpportunity
        : settings.CreateOpportunity == CreateOpportunityMode.ForEveryOrder ? OpportunityChoice.Create
        : OpportunityChoice.None;

    /// <summary>The customer's role on the opportunity: the chosen role with contact roles on, none otherwise.</summary>
    public static string? ContactRole(CrmSettings settings) =>
        settings.ContactRolesEnabled && !string.IsNullOrWhiteSpace(settings.OpportunityCustomerRole) ? settings.OpportunityCustomerRole.Trim() : null;
}
