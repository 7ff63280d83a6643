using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Tests.Domain.Crm;

/// <summary>DESIGN §7, one setting (or combination) at a time, as the Magento↔Salesforce connector documents them.</summary>
public sealed class CrmRulesTests
{
    private static readonly DateTime Created = new(2026, 11, 2, 15, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Invoiced = new(2026, 11, 9, 10, 0, 0, DateTimeKind.Utc);
    private static readonly CrmSettings Defaults = CrmSettings.Defaults;

    [Fact]
    public void SalesCycleLengthSetsTheCloseDateThatManyDaysAfterCreation()
    {
        var settings = Defaults with { SalesCycleDays = 15 };
        CrmRules.OrderCloseDate(settings, Created, invoiceDate: null).ShouldBe(new DateTime(2026, 11, 17));
    }

    [Fact]
    public void ConvertYesMovesAPaidOrdersOpportunityToTheConvertedStage()
    {
        var settings = Defaults with { ConvertOpportunity = true, ConvertedStage = OpportunityStages.Negotiation };
        CrmRules.OrderStage(settings, new OrderFacts(OrderStatuses.Incoming, null, IsPaid: true), OpportunityStages.Prospecting)
            .ShouldBe(OpportunityStages.Negotiation);
    }

    [Fact]
    public void ConvertYesLeavesAnUnpaidOrdersOpportunityWhereItIs()
    {
        var settings = Defaults with { ConvertOpportunity = true };
        CrmRules.OrderStage(settings, new OrderFacts(OrderStatuses.Incoming, null, IsPaid: false), OpportunityStages.Qualification)
            .ShouldBe(OpportunityStages.Qualification);
    }

    [Fact]
    public void ConvertYesWithUseInvoiceDateClosesOnTheInvoiceDate()
    {
        var settings = Defaults with { ConvertOpportunity = true, UseInvoiceDateAsCloseDate = true, SalesCycleDays = 15 };
        CrmRules.OrderCloseDate(settings, Created, Invoiced).ShouldBe(Invoiced.Date);
    }

    [Fact]
    public void UseInvoiceDateBeforeAnyInvoiceKeepsTheSalesCycle()
    {
        var settings = Defaults with { ConvertOpportunity = true, UseInvoiceDateAsCloseDate = true, SalesCycleDays = 15 };
        CrmRules.OrderCloseDate(settings, Created, invoiceDate: null).ShouldBe(new DateTime(2026, 11, 17));
    }

    [Fact]
    public void UseInvoiceDateDoesNothingWhenOpportunitiesAreNotConverted()
    {
        var settings = Defaults with { ConvertOpportunity = false, UseInvoiceDateAsCloseDate = true, SalesCycleDays = 15 };
        CrmRules.OrderCloseDate(settings, Created, Invoiced).ShouldBe(new DateTime(2026, 11, 17));
    }

    [Theory]
    [InlineData("Completed", "On transit", OpportunityStages.Negotiation)] // shipped
    [InlineData("In process", null, OpportunityStages.Proposal)]           // invoiced
    [InlineData("Refund requested", null, OpportunityStages.ClosedLost)]   // credit memo
    public void ConvertNoFollowsTheStatusToStageMapping(string status, string? subStatus, string expected)
    {
        var settings = Defaults with
        {
            ConvertOpportunity = false,
            StageMapping = new Dictionary<string, string>
            {
                ["Completed"] = OpportunityStages.ClosedWon,
                ["On transit"] = OpportunityStages.Negotiation,
                ["In process"] = OpportunityStages.Proposal,
                ["Refund requested"] = OpportunityStages.ClosedLost,
            },
        };
        CrmRules.OrderStage(settings, new OrderFacts(status, subStatus, IsPaid: true), OpportunityStages.Prospecting).ShouldBe(expected);
    }

    [Fact]
    public void ConvertNoWithAnUnmappedStatusKeepsTheStage()
    {
        var settings = Defaults with { ConvertOpportunity = false };
        CrmRules.OrderStage(settings, new OrderFacts(OrderStatuses.Incoming, null, IsPaid: true), OpportunityStages.Qualification)
            .ShouldBe(OpportunityStages.Qualification);
    }

    [Fact]
    public void WithADraftStageAnOrderUpdatePassesThroughIt()
    {
        var settings = Defaults with { DraftStage = OpportunityStages.Draft };
        CrmRules.StagePath(settings, OpportunityStages.Prospecting, OpportunityStages.ClosedWon, orderUpdate: true)
            .ShouldBe([OpportunityStages.Draft, OpportunityStages.ClosedWon]);
    }

    [Fact]
    public void TheDraftStagePassedThroughShowsInTheStageHistory()
    {
        var settings = Defaults with { DraftStage = OpportunityStages.Draft };
        var opportunity = Opportunity.ForRecord("Ann - 1001", new Money(10m, "EUR"), OpportunityStages.Prospecting, Created, Actor.System, Created, null, 7, null, null, null);
        opportunity.Sync("Ann - 1001", new Money(10m, "EUR"),
            CrmRules.StagePath(settings, opportunity.Stage, OpportunityStages.ClosedWon, orderUpdate: true), Created, null, Actor.System, Created);

        opportunity.StageHistory.Select(h => (h.FromStage, h.ToStage)).ShouldBe(
            [(null, OpportunityStages.Prospecting), (OpportunityStages.Prospecting, OpportunityStages.Draft), (OpportunityStages.Draft, OpportunityStages.ClosedWon)]);
    }

    [Fact]
    public void WithoutADraftStageAnOrderUpdateGoesStraightToTheTarget()
    {
        CrmRules.StagePath(Defaults with { DraftStage = null }, OpportunityStages.Prospecting, OpportunityStages.ClosedWon, orderUpdate: true)
            .ShouldBe([OpportunityStages.ClosedWon]);
    }

    [Fact]
    public void ACartUpdateNeverPassesThroughTheDraftStage()
    {
        CrmRules.StagePath(Defaults with { DraftStage = OpportunityStages.Draft }, OpportunityStages.Prospecting, OpportunityStages.Qualification, orderUpdate: false)
            .ShouldBe([OpportunityStages.Qualification]);
    }

    [Fact]
    public void AnUnchangedStageAddsNothingToTheHistory()
    {
        CrmRules.StagePath(Defaults with { DraftStage = OpportunityStages.Draft }, OpportunityStages.ClosedWon, OpportunityStages.ClosedWon, orderUpdate: true)
            .ShouldBeEmpty();
    }

    [Fact]
    public void ContactRolesOffGiveNoRole()
    {
        CrmRules.ContactRole(Defaults with { ContactRolesEnabled = false, OpportunityCustomerRole = "Economic Buyer" }).ShouldBeNull();
    }

    [Fact]
    public void ContactRolesOnGiveTheChosenRole()
    {
        CrmRules.ContactRole(Defaults with { ContactRolesEnabled = true, OpportunityCustomerRole = "Economic Buyer" }).ShouldBe("Economic Buyer");
    }

    [Theory]
    [InlineData(CheckoutStep.Shipping)]
    [InlineData(CheckoutStep.Payment)]
    public void ACartThatReachedCheckoutTakesTheAbandonedCartStage(CheckoutStep step)
    {
        CrmRules.CartStage(Defaults with { AbandonedCartStage = OpportunityStages.Proposal }, step, OpportunityStages.Prospecting)
            .ShouldBe(OpportunityStages.Proposal);
    }

    [Fact]
    public void ACartBeforeCheckoutKeepsItsStage()
    {
        CrmRules.CartStage(Defaults with { AbandonedCartStage = OpportunityStages.Proposal }, CheckoutStep.None, current: null)
            .ShouldBe(CrmRules.InitialStage);
    }

    [Fact]
    public void WithoutAnAbandonedCartStageCheckoutChangesNoStage()
    {
        CrmRules.CartStage(Defaults with { AbandonedCartStage = null }, CheckoutStep.Shipping, OpportunityStages.Qualification)
            .ShouldBe(OpportunityStages.Qualification);
    }

    [Fact]
    public void ACartsOpportunityIsExpectedToCloseNDaysAfterCreation()
    {
        CrmRules.CartCloseDate(Defaults with { CartExpectedCloseDays = 7 }, Created).ShouldBe(new DateTime(2026, 11, 9));
    }

    [Fact]
    public void AnOrderPlacedFromACartWithAnOpportunityReusesIt()
    {
        CrmRules.ChooseForOrder(Defaults with { CreateOpportunity = CreateOpportunityMode.Never }, orderHasOpportunity: false, cartHasOpportunity: true)
            .ShouldBe(OpportunityChoice.ReuseCartOpportunity);
    }

    [Fact]
    public void CreateForEveryOrderCreatesOneWhenThereIsNone()
    {
        CrmRules.ChooseForOrder(Defaults with { CreateOpportunity = CreateOpportunityMode.ForEveryOrder }, false, false).ShouldBe(OpportunityChoice.Create);
    }

    [Fact]
    public void CreateNeverCreatesNone()
    {
        CrmRules.ChooseForOrder(Defaults with { CreateOpportunity = CreateOpportunityMode.Never }, false, false).ShouldBe(OpportunityChoice.None);
    }

    [Fact]
    public void AnOrderWithAnOpportunityUpdatesItAndNeverMakesASecond()
    {
        CrmRules.ChooseForOrder(Defaults with { CreateOpportunity = CreateOpportunityMode.ForEveryOrder }, true, true).ShouldBe(OpportunityChoice.UpdateExisting);
    }

    [Theory]
    [InlineData(CrmChange.CartItems, true)]
    [InlineData(CrmChange.CartQuantities, true)]
    [InlineData(CrmChange.CartCheckoutStep, true)]
    [InlineData(CrmChange.CartOther, false)]
    [InlineData(CrmChange.OrderStatus, false)]
    public void CartAutomaticSynchronizationQueuesCartContentChangesOnly(CrmChange change, bool expected)
    {
        CrmRules.NeedsSync(Defaults with { CartAutomaticSync = true }, change).ShouldBe(expected);
    }

    [Theory]
    [InlineData(CrmChange.OrderStatus, true)]
    [InlineData(CrmChange.OrderConfirmed, true)]
    [InlineData(CrmChange.OrderShipped, true)]
    [InlineData(CrmChange.OrderInvoiced, true)]
    [InlineData(CrmChange.OrderCreditMemo, true)]
    [InlineData(CrmChange.OrderOther, false)]
    [InlineData(CrmChange.CartItems, false)]
    public void OrderAutomaticSynchronizationQueuesLifecycleChangesOnly(CrmChange change, bool expected)
    {
        CrmRules.NeedsSync(Defaults with { OrderAutomaticSync = true }, change).ShouldBe(expected);
    }

    [Theory]
    [InlineData(CrmChange.CartItems)]
    [InlineData(CrmChange.OrderShipped)]
    public void WithAutomaticSynchronizationOffNothingIsQueued(CrmChange change)
    {
        CrmRules.NeedsSync(Defaults with { CartAutomaticSync = false, OrderAutomaticSync = false }, change).ShouldBeFalse();
    }
}
