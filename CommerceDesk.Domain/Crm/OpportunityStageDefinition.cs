using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Crm;

/// <summary>Whether a stage still counts in the pipeline, or closed it won or lost.</summary>
public enum StageCategory { Open, Won, Lost }

/// <summary>
/// A sales stage kept as data: its name (what opportunities store), the probability that weights the forecast,
/// its category and its place in the list.
/// </summary>
public sealed class OpportunityStageDefinition : Entity
{
    private OpportunityStageDefinition() { }

    public OpportunityStageDefinition(string name, int probability, StageCategory category, int position)
    {
        Name = Guard.Required(name, "Stage name", OpportunityStages.MaxLength);
        if (probability is < 0 or > 100) throw new DomainException("A stage's probability is between 0 and 100 %.");
        if (category == StageCategory.Won && probability != 100) throw new DomainException("A won stage has a probability of 100 %.");
        if (category == StageCategory.Lost && probability != 0) throw new DomainException("A lost stage has a probability of 0 %.");
        Probability = probability;
        Category = category;
        Position = position;
    }

    public string Name { get; private set; } = "";
    public int Probability { get; private set; }
    public StageCategory Category { get; private set; }
    public int Position { get; private set; }
}

/// <summary>The stages a new installation starts with (Salesforce's standard picklist plus a draft stage).</summary>
public static class DefaultOpportunityStages
{
    public static IReadOnlyList<OpportunityStageDefinition> Create() =>
    [
        new(OpportunityStages.Prospecting, 10, StageCategory.Open, 1),
        new(OpportunityStages.Qualification, 20, StageCategory.Open, 2),
        new(OpportunityStages.Proposal, 60, StageCategory.Open, 3),
        new(OpportunityStages.Negotiation, 80, StageCategory.Open, 4),
        new(OpportunityStages.Draft, 0, StageCategory.Open, 5),
        new(OpportunityStages.ClosedWon, 100, StageCategory.Won, 6),
        new(OpportunityStages.ClosedLost, 0, StageCategory.Lost, 7),
    ];
}
