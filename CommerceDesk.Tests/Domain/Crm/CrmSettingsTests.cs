using CommerceDesk.Domain.Crm;

namespace CommerceDesk.Tests.Domain.Crm;

public sealed class CrmSettingsTests
{
    private static readonly string[] Stages = DefaultOpportunityStages.Create().Select(s => s.Name).ToArray();
    private static readonly string[] Statuses = ["Incoming", "Completed", "On transit"];

    [Fact]
    public void EverySettingSurvivesStorageAsKeyValueRows()
    {
        var settings = new CrmSettings
        {
            CartAutomaticSync = true, AbandonedCartStage = null, CartExpectedCloseDays = 9, OrderAutomaticSync = true,
            CreateOpportunity = CreateOpportunityMode.Never, ContactRolesEnabled = true, OpportunityCustomerRole = "Economic Buyer",
            SalesCycleDays = 15, DraftStage = OpportunityStages.Draft, ConvertOpportunity = false, ConvertedStage = OpportunityStages.Negotiation,
            UseInvoiceDateAsCloseDate = true, StageMapping = new Dictionary<string, string> { ["Completed"] = OpportunityStages.ClosedWon },
        };

        var read = CrmSettings.FromValues(settings.ToValues());

        read.ToValues().ShouldBe(settings.ToValues());
        read.StageMapping["Completed"].ShouldBe(OpportunityStages.ClosedWon);
        read.AbandonedCartStage.ShouldBeNull();
    }

    [Fact]
    public void NothingStoredReadsAsTheDefaults()
    {
        CrmSettings.FromValues(new Dictionary<string, string>()).ToValues().ShouldBe(CrmSettings.Defaults.ToValues());
    }

    [Fact]
    public void ChangesListEachChangedSettingWithOldAndNewValue()
    {
        var after = CrmSettings.Defaults with { SalesCycleDays = 15, StageMapping = new Dictionary<string, string> { ["Completed"] = OpportunityStages.ClosedWon } };

        CrmSettings.Changes(CrmSettings.Defaults, after).ShouldBe(
        [
            (CrmSettings.Keys.SalesCycleDays, "30", "15"),
            (CrmSettings.Keys.StageMappingPrefix + "Completed", null, OpportunityStages.ClosedWon),
        ]);
    }

    [Fact]
    public void UnknownStagesStatusesAndDayCountsAreRefusedWithAReadableMessage()
    {
        var settings = CrmSettings.Defaults with
        {
            SalesCycleDays = 0, DraftStage = "Nowhere",
            StageMapping = new Dictionary<string, string> { ["Lost in space"] = OpportunityStages.ClosedWon },
        };

        settings.Validate(Stages, Statuses).ShouldBe(
        [
            $"Sales cycle length must be between 1 and {CrmSettings.MaxDays} days.",
            "Default opportunity draft stage 'Nowhere' is not a stage.",
            "'Lost in space' is not an order status.",
        ]);
    }

    [Fact]
    public void TheDefaultsAreValid()
    {
        CrmSettings.Defaults.Validate(Stages, Statuses).ShouldBeEmpty();
    }

    [Fact]
    public void FailuresBackOffOneTwoFourMinutesUpToAnHour()
    {
        Enumerable.Range(1, 9).Select(a => CrmSyncState.BackOff(a).TotalMinutes).ShouldBe([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    [Fact]
    public void AChangeMarksTheRecordPendingDueNowWithAttemptsStartingAgain()
    {
        var now = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        var claimed = new CrmSyncState(CrmSyncStatus.Failed, "006A", "timeout", Attempts: 3);

        var pending = claimed.MarkPending(now);

        pending.ShouldBe(claimed with { Status = CrmSyncStatus.Pending, Attempts = 0, NextAttemptAt = now });
    }

    [Fact]
    public void StageProbabilitiesFollowTheirCategory()
    {
        Should.Throw<CommerceDesk.Domain.Common.DomainException>(() => new OpportunityStageDefinition("Won-ish", 90, StageCategory.Won, 1));
        DefaultOpportunityStages.Create().Select(s => (s.Name, s.Probability, s.Category)).ShouldBe(
        [
            (OpportunityStages.Prospecting, 10, StageCategory.Open), (OpportunityStages.Qualification, 20, StageCategory.Open),
            (OpportunityStages.Proposal, 60, StageCategory.Open), (OpportunityStages.Negotiation, 80, StageCategory.Open),
            (OpportunityStages.Draft, 0, StageCategory.Open), (OpportunityStages.ClosedWon, 100, StageCategory.Won),
            (OpportunityStages.ClosedLost, 0, StageCategory.Lost),
        ]);
    }
}
