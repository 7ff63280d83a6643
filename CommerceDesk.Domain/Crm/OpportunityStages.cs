namespace CommerceDesk.Domain.Crm;

/// <summary>The default sales stages (Salesforce's standard picklist); seeded as <see cref="OpportunityStageDefinition"/> rows, which are what the settings and pages offer.</summary>
public static class OpportunityStages
{
    public const string Prospecting = "Prospecting";
    public const string Qualification = "Qualification";
    public const string Proposal = "Proposal/Price Quote";
    public const string Negotiation = "Negotiation/Review";
    public const string Draft = "Draft";
    public const string ClosedWon = "Closed Won";
    public const string ClosedLost = "Closed Lost";
    public const int MaxLength = 60;
}
