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
        Amount = amount;
        Stage = Guard.Required(stage, "Stage", OpportunityStages.MaxLength);
        CloseDate = Guard.Utc(closeDate).Date;
        OwnerUserId = owner.UserId;
        OwnerName = owner.Name;
        CreatedAt = Guard.Utc(now);
        _stageHistory.Add(new OpportunityStageChange(null, Stage, owner.Name, CreatedAt));
    }

    /// <summary>A manager converts a cart: "&lt;customer&gt; - &lt;cart id&gt;", the cart's subtotal, owned by the manager.</summary>
    public static Opportunity FromCart(Cart cart, Customer? customer, Actor owner, DateTime now, int salesCycleDays = DefaultSalesCycleDays)
    {
        if (cart.Id <= 0) throw new InvalidOperationException("Save the cart before converting it.");
        var who = customer?.FullName ?? (cart.HasContactEmail ? cart.Email : null) ?? "Guest";
        var opportunity = new Opportunity($"{who} - {cart.ExternalId}", cart.Subtotal, OpportunityStages.Prospecting,
            Guard.Utc(now).AddDays(salesCycleDays), owner, now)
        {
            SourceCartId = cart.Id,
            CustomerId = customer?.Id ?? cart.CustomerId,
            AccountId = customer?.AccountId,
        };
        return opportunity;
    }

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
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<OpportunityStageChange> StageHistory => _stageHistory;

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
