namespace CommerceDesk.Domain.Crm;

/// <summary>The default sales stages (Salesforce's standard picklist); the CRM settings map to these.</summary>
public static class OpportunityStages
{
    public const string Prospecting = "Prospecting";
    public const string Qualification = "Qualification";
    public const string Proposal = "Proposal/Price Quote";
    public const string Negotiation = "Negotiation/Review";
    public const string ClosedWon = "Closed Won";
    public const string ClosedLost = "Closed Lost";
    public const int MaxLength = 60;

    public static IReadOnlyList<string> All { get; } = [Prospecting, Qualification, Proposal, Negotiation, ClosedWon, ClosedLost];
}
