namespace CommerceDesk.Domain.Crm;

/// <summary>
/// How likely an opportunity at each stage is to close: Salesforce's standard defaults, kept in this one lookup so
/// the forecast reads them from one place (a stage the lookup does not know counts as 0 %).
/// </summary>
public static class StageProbabilities
{
    private static readonly Dictionary<string, int> Percent = new(StringComparer.Ordinal)
    {
        [OpportunityStages.Prospecting] = 10,
        [OpportunityStages.Qualification] = 20,
        [OpportunityStages.Proposal] = 60,
        [OpportunityStages.Negotiation] = 80,
        [OpportunityStages.ClosedWon] = 100,
        [OpportunityStages.ClosedLost] = 0,
    };

    public static int PercentOf(string stage) => Percent.GetValueOrDefault(stage);

    /// <summary>Closed Won and Closed Lost are decided; the pipeline is everything else.</summary>
    public static bool IsOpen(string stage) => stage is not (OpportunityStages.ClosedWon or OpportunityStages.ClosedLost);
}
