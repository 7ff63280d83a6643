using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;

namespace CommerceDesk.Domain.Crm;

/// <summary>
/// A sale in the making, tracked by the sales team (DESIGN §3, §7). Created from a cart by a manager or by
/// the CRM sync; each record (cart or order) has at most one.
/// </summary>
public sealed partial class Opportunity : Entity, IVersioned
{
    public const int NameMaxLength = 250;
    public const int DefaultSalesCycleDays = 30;

    private readonly List<OpportunityStageChange> _stageHistory = [];

    private Opportunity() { }

    private Opportunity(string name, Money amount, string stage, DateTime closeDate, Actor owner, DateTime now)
    {
        Name = Guard.Required(name, "Opportunity name", NameMaxLength);
        Amount = WithinLimits(amount);
        Stage = Guard.Required(stage, "Stage", OpportunityStages.MaxLength);
        CloseDate = Guard.Utc(closeDate).Date;
        OwnerUserId = owner.UserId;
        OwnerName = owner.Name;
        CreatedAt = Guard.Utc(now);
        _stageHistory.Add(new OpportunityStageChange(null, Stage, owner.Name, CreatedAt));
    }

    /// <summary>
    /// A manager converts a cart: "&lt;customer&gt; - &lt;cart id&gt;", the cart's subtotal, owned by the manager, with the
    /// stage, close date and contact role the CRM settings give a cart's opportunity (the same rules the sync uses).
    /// </summary>
    public static Opportunity FromCart(Cart cart, Customer? customer, Actor owner, DateTime now, CrmSettings? settings = null)
    {
        if (cart.Id <= 0) throw new InvalidOperationException("Save the cart before converting it.");
        settings ??= CrmSettings.Defaults;
        var who = customer?.FullName ?? (cart.HasContactEmail ? cart.Email : null) ?? "Guest";
        return ForRecord($"{who} - {cart.ExternalId}", cart.Subtotal, CrmRules.CartStage(settings, cart.CheckoutStep, null),
            CrmRules.CartCloseDate(settings, Guard.Utc(now)), owner, now, cart.Id, null, customer?.Id ?? cart.CustomerId, customer?.AccountId,
            CrmRules.ContactRole(settings));
    }

    /// <summary>
    /// A record's opportunity made by the CRM sync (or by hand): each cart and each order has at most one, which the
    /// database's unique keys on the source enforce.
    /// </summary>
    public static Opportunity ForRecord(string name, Money amount, string stage, DateTime closeDate, Actor owner, DateTime now,
        long? sourceCartId, long? sourceOrderId, long? customerId, long? accountId, string? contactRole) =>
        new(name, amount, stage, closeDate, owner, now)
        {
            SourceCartId = sourceCartId,
            SourceOrderId = sourceOrderId,
            CustomerId = customerId,
            AccountId = accountId,
            ContactRole = Guard.Optional(contactRole, "Contact role", CrmSettings.RoleMaxLength),
        };

    /// <summary>The key the CRM knows this opportunity by (Salesforce's external id field): ours, so a retry never makes a second one.</summary>
    public string CrmKey => $"CD-OPP-{Id}";

    public string Name { get; private set; } = "";
    public long? AccountId { get; private set; }
    public long? CustomerId { get; private set; }
    public string? ContactRole { get; private set; }
    public string Stage { get; private set; } = "";
    public Money Amount { get; private set; } = null!;
    public string Currency => Amount.Currency;
    public DateTime CloseDate { get; private set; }
    public long? SourceCartId { get; private set; }
    public long? SourceOrderId { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public string? ExternalCrmId { get; private set; }
    /// <summary>The CRM's id of the customer's contact role on this opportunity, once created (it is created once).</summary>
    public string? ExternalContactRoleId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<OpportunityStageChange> StageHistory => _stageHistory;

    /// <summary>Brings the opportunity in line with its record: stages passed through in order (each in the history).</summary>
    public void Sync(string name, Money amount, IReadOnlyList<string> stagePath, DateTime closeDate, string? contactRole, Actor by, DateTime now)
    {
        Name = Guard.Required(name, "Opportunity name", NameMaxLength);
        Amount = WithinLimits(amount);
        CloseDate = Guard.Utc(closeDate).Date;
        ContactRole = Guard.Optional(contactRole, "Contact role", CrmSettings.RoleMaxLength);
        foreach (var stage in stagePath) ChangeStage(stage, by, now);
    }

    /// <summary>
    /// An amount typed by hand is held to a record's cap like a cart's or order's subtotal: beyond it the stored
    /// ten-thousandths overflow, and the forecast's and account's sums must stay in range.
    /// </summary>
    private static Money WithinLimits(Money amount) =>
        amount.Amount < 0m ? throw new DomainException("The amount of an opportunity cannot be negative.")
        : amount.Amount > AmountLimits.MaxTotal ? throw new DomainException($"The amount of an opportunity may be at most {AmountLimits.Format(AmountLimits.MaxTotal)}.")
        : amount;

    /// <summary>A manager's edit on the opportunity page.</summary>
    public void Edit(string name, Money amount, string stage, DateTime closeDate, string? contactRole, Actor by, DateTime now) =>
        Sync(name, amount, [stage], closeDate, contactRole, by, now);

    /// <summary>The order placed from this opportunity's cart takes it over: one opportunity for the whole sale.</summary>
    public void TakeOverForOrder(long orderId)
    {
        if (SourceOrderId == orderId) return;
        if (SourceOrderId is not null) throw new DomainException("This opportunity already belongs to another order.");
        SourceOrderId = orderId;
    }

    public void RecordExternalId(string externalId) =>
        ExternalCrmId = Guard.Required(externalId, "CRM id", CrmSyncState.ExternalIdMaxLength);

    public void RecordContactRoleCreated(string externalId) =>
        ExternalContactRoleId = Guard.Required(externalId, "CRM contact role id", CrmSyncState.ExternalIdMaxLength);

    public void ChangeStage(string stage, Actor by, DateTime now)
    {
        var next = Guard.Required(stage, "Stage", OpportunityStages.MaxLength);
        if (next == Stage) return;
        _stageHistory.Add(new OpportunityStageChange(Stage, next, by.Name, Guard.Utc(now)));
        Stage = next;
    }
}

/// <summary>One step in an opportunity's stage history: who moved it, when, from and to.</summary>
public sealed class OpportunityStageChange
{
    private OpportunityStageChange() { }

    internal OpportunityStageChange(string? from, string to, string by, DateTime at)
    {
        FromStage = from;
        ToStage = to;
        ChangedBy = by;
        ChangedAt = at;
    }

    public long Id { get; private set; }
    public string? FromStage { get; private set; }
    public string ToStage { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
}
