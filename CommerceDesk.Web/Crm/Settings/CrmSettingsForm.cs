using CommerceDesk.Domain.Crm;

namespace CommerceDesk.Web.Crm.Settings;

/// <summary>The settings page's editable copy of <see cref="CrmSettings"/>.</summary>
public sealed class CrmSettingsForm
{
    public bool CartAutomaticSync { get; set; }
    public string? AbandonedCartStage { get; set; }
    public int CartExpectedCloseDays { get; set; }
    public bool OrderAutomaticSync { get; set; }
    public CreateOpportunityMode CreateOpportunity { get; set; }
    public bool ContactRolesEnabled { get; set; }
    public string OpportunityCustomerRole { get; set; } = "";
    public int SalesCycleDays { get; set; }
    public string? DraftStage { get; set; }
    public bool ConvertOpportunity { get; set; }
    public string ConvertedStage { get; set; } = "";
    public bool UseInvoiceDateAsCloseDate { get; set; }
    /// <summary>Order status code → stage; an empty stage means "not mapped".</summary>
    public Dictionary<string, string?> StageMapping { get; set; } = [];

    /// <summary>Salesforce's standard opportunity contact roles.</summary>
    public static readonly IReadOnlyList<string> ContactRoles =
        ["Business User", "Decision Maker", "Economic Buyer", "Economic Decision Maker", "Evaluator", "Executive Sponsor", "Influencer", "Technical Buyer", "Other"];

    public static CrmSettingsForm Of(CrmSettings s) => new()
    {
        CartAutomaticSync = s.CartAutomaticSync,
        AbandonedCartStage = s.AbandonedCartStage,
        CartExpectedCloseDays = s.CartExpectedCloseDays,
        OrderAutomaticSync = s.OrderAutomaticSync,
        CreateOpportunity = s.CreateOpportunity,
        ContactRolesEnabled = s.ContactRolesEnabled,
        OpportunityCustomerRole = s.OpportunityCustomerRole,
        SalesCycleDays = s.SalesCycleDays,
        DraftStage = s.DraftStage,
        ConvertOpportunity = s.ConvertOpportunity,
        ConvertedStage = s.ConvertedStage,
        UseInvoiceDateAsCloseDate = s.UseInvoiceDateAsCloseDate,
        StageMapping = s.StageMapping.ToDictionary(m => m.Key, m => (string?)m.Value),
    };

    public CrmSettings ToSettings() => new()
    {
        CartAutomaticSync = CartAutomaticSync,
        AbandonedCartStage = string.IsNullOrEmpty(AbandonedCartStage) ? null : AbandonedCartStage,
        CartExpectedCloseDays = CartExpectedCloseDays,
        OrderAutomaticSync = OrderAutomaticSync,
        CreateOpportunity = CreateOpportunity,
        ContactRolesEnabled = ContactRolesEnabled,
        OpportunityCustomerRole = OpportunityCustomerRole.Trim(),
        SalesCycleDays = SalesCycleDays,
        DraftStage = string.IsNullOrEmpty(DraftStage) ? null : DraftStage,
        ConvertOpportunity = ConvertOpportunity,
        ConvertedStage = ConvertedStage,
        UseInvoiceDateAsCloseDate = UseInvoiceDateAsCloseDate,
        StageMapping = StageMapping.Where(m => !string.IsNullOrEmpty(m.Value)).ToDictionary(m => m.Key, m => m.Value!),
    };
}
