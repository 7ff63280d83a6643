using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Tests.Support;
using static CommerceDesk.Domain.Workflows.AbandonedShoppingCartWorkflow;

namespace CommerceDesk.Tests.Domain.Workflows;

public sealed class AbandonedShoppingCartWorkflowTests
{
    [Fact]
    public void ANewCartIsOpenAndOffersCallEmailConversionsWithAbandonDisabledForLackOfContact()
    {
        var bed = WorkflowTestBed.ForCart();

        bed.Step.ShouldBe(Steps.Open);
        bed.Buttons.Select(b => b.Name).ShouldBe(
            [Transitions.LogCall, Transitions.SendEmail, Transitions.ConvertToOrder, Transitions.ConvertToOpportunity, Transitions.Abandon]);
        bed.Buttons.Where(b => b.Name != Transitions.Abandon).ShouldAllBe(b => b.IsEnabled);
        var abandon = bed.Button(Transitions.Abandon);
        abandon.IsEnabled.ShouldBeFalse();
        abandon.DisabledReason.ShouldBe(HasContact.UnmetReason);
    }

    [Fact]
    public void CannotAbandonWithoutContact()
    {
        var bed = WorkflowTestBed.ForCart();

        var error = Should.Throw<DomainException>(() => bed.Fire(Transitions.Abandon, ("confirm", "true"), ("note", "no answer")));

        error.Message.ShouldContain("cannot be abandoned without at least one contact");
        bed.Step.ShouldBe(Steps.Open);
        bed.Item.Transitions.ShouldBeEmpty();
        bed.Cart.Status.ShouldBe(CartStatus.Open);
    }

    [Fact]
    public void LoggingACallMovesOpenToContactedAndRecordsTheCallWithItsDefaults()
    {
        var bed = WorkflowTestBed.ForCart();

        var result = bed.FireWithDefaults(Transitions.LogCall, ("duration", "4"), ("notes", "Wants a discount"));

        bed.Step.ShouldBe(Steps.Contacted);
        var call = result.Activities.ShouldHaveSingleItem().ShouldBeOfType<CallActivity>();
        call.Phone.ShouldBe("+44 20 7946 0000");
        call.Subject.ShouldBe("Shopping cart status refresh");
        call.Direction.ShouldBe(CallDirection.Outbound);
        call.Outcome.ShouldBe(CallOutcome.Answered);
        call.DurationMinutes.ShouldBe(4);
        call.Notes.ShouldBe("Wants a discount");
        call.CalledAt.ShouldBe(WorkflowTestBed.Now);
        call.CartId.ShouldBe(42);
        call.CustomerId.ShouldBe(bed.Cart.CustomerId);
        call.CreatedBy.ShouldBe("Ann Manager");
        var history = bed.Item.Transitions.ShouldHaveSingleItem();
        (history.Transition, history.FromStep, history.ToStep, history.UserName, history.At)
            .ShouldBe((Transitions.LogCall, Steps.Open, Steps.Contacted, "Ann Manager", WorkflowTestBed.Now));
        FormData.FromJson(history.FormData).Text("notes").ShouldBe("Wants a discount");
        bed.Item.LastTransitionBy.ShouldBe("Ann Manager");
    }

    [Fact]
    public void LogCallNeedsAPhoneNumber()
    {
        var bed = WorkflowTestBed.ForCart(customer: WorkflowTestBed.Customer(phone: null));

        var error = Should.Throw<WorkflowFormException>(() => bed.FireWithDefaults(Transitions.LogCall));

        error.Errors.Keys.ShouldBe(["phone"]);
        error.Errors["phone"].ShouldBe("Phone is required.");
        bed.Step.ShouldBe(Steps.Open);
    }

    [Fact]
    public void SendingAnEmailMovesOpenToContactedAndRecordsTheEmail()
    {
        var bed = WorkflowTestBed.ForCart();

        var result = bed.FireWithDefaults(Transitions.SendEmail, ("body", "Your cart misses you"));

        bed.Step.ShouldBe(Steps.Contacted);
        var email = result.Activities.ShouldHaveSingleItem().ShouldBeOfType<EmailActivity>();
        email.To.ShouldBe("ada@example.com");
        email.Body.ShouldBe("Your cart misses you");
        email.Status.ShouldBe(EmailActivityStatus.Recorded);
    }

    [Fact]
    public void SendEmailIsPrefilledWithTheCartEmailElseTheCustomerEmail()
    {
        var own = WorkflowTestBed.ForCart(new CartBuilder().WithEmail("cart@example.com").WithItem("A", 1).Build());
        var guest = WorkflowTestBed.ForCart(new CartBuilder().WithEmail("guest@guest.invalid").WithItem("A", 1).Build(),
            WorkflowTestBed.Customer(email: "customer@example.com"));

        Prefilled(own)["to"].ShouldBe("cart@example.com");
        Prefilled(guest)["to"].ShouldBe("customer@example.com");

        static Dictionary<string, string?> Prefilled(WorkflowTestBed bed) =>
            bed.Button(Transitions.SendEmail).Transition.Form.Prefill(bed.Subject, WorkflowTestBed.Now);
    }

    [Fact]
    public void SendEmailRejectsAnInvalidAddress()
    {
        var bed = WorkflowTestBed.ForCart();

        var error = Should.Throw<WorkflowFormException>(() => bed.FireWithDefaults(Transitions.SendEmail, ("to", "not-an-address")));

        error.Errors["to"].ShouldContain("not a valid e-mail address");
    }

    [Fact]
    public void CallsAndEmailsRepeatAndStayContacted()
    {
        var bed = WorkflowTestBed.ForCart();
        bed.FireWithDefaults(Transitions.LogCall);

        bed.FireWithDefaults(Transitions.LogCall);
        bed.FireWithDefaults(Transitions.SendEmail);
        bed.FireWithDefaults(Transitions.SendEmail);

        bed.Step.ShouldBe(Steps.Contacted);
        bed.Item.Transitions.Count.ShouldBe(4);
        bed.Buttons.Select(b => b.Name).ShouldBe(
            [Transitions.LogCall, Transitions.SendEmail, Transitions.ConvertToOrder, Transitions.ConvertToOpportunity, Transitions.Abandon]);
        bed.Buttons.ShouldAllBe(b => b.IsEnabled);
    }

    [Fact]
    public void AbandonAsksForConfirmationAndNotes()
    {
        var bed = WorkflowTestBed.ForCart();
        bed.FireWithDefaults(Transitions.LogCall);

        var error = Should.Throw<WorkflowFormException>(() => bed.Fire(Transitions.Abandon, ("confirm", "false"), ("note", " ")));

        error.Errors.Keys.OrderBy(k => k).ShouldBe(["confirm", "note"]);
        bed.Step.ShouldBe(Steps.Contacted);
        bed.Cart.Status.ShouldBe(CartStatus.Open);
    }

    [Fact]
    public void AbandonAfterAContactSetsTheCartLostAndRecordsTheNote()
    {
        var bed = WorkflowTestBed.ForCart();
        bed.FireWithDefaults(Transitions.SendEmail);

        var result = bed.Fire(Transitions.Abandon, ("confirm", "true"), ("note", "Bought elsewhere"));

        bed.Step.ShouldBe(Steps.Abandoned);
        bed.Cart.Status.ShouldBe(CartStatus.Lost);
        result.Activities.ShouldHaveSingleItem().ShouldBeOfType<NoteActivity>().Text.ShouldBe("Abandon: Bought elsewhere");
        bed.Buttons.Select(b => b.Name).ShouldBe([Transitions.Reopen]);
    }

    [Fact]
    public void ReopenFromAbandonedSetsTheCartOpenAgain()
    {
        var bed = WorkflowTestBed.ForCart();
        bed.FireWithDefaults(Transitions.LogCall);
        bed.Fire(Transitions.Abandon, ("confirm", "true"), ("note", "No interest"));

        bed.Fire(Transitions.Reopen);

        bed.Step.ShouldBe(Steps.Open);
        bed.Cart.Status.ShouldBe(CartStatus.Open);
        // The earlier call still counts as a contact.
        bed.Button(Transitions.Abandon).IsEnabled.ShouldBeTrue();
    }

    [Fact]
    public void ConvertToOrderWorksWithoutContactAndCreatesAQuotationFromTheCartLines()
    {
        var bed = WorkflowTestBed.ForCart();

        var result = bed.Fire(Transitions.ConvertToOrder);

        bed.Step.ShouldBe(Steps.Converted);
        var order = result.CreatedOrder.ShouldNotBeNull();
        order.CommercialState.ShouldBe(CommercialState.QuotationSent);
        order.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice)).ShouldBe([("MUG", 2, 12.5m), ("TEA", 1, 5m)]);
        order.Subtotal.ShouldBe(bed.Cart.Subtotal);
        order.CartId.ShouldBe(42);
        order.ChannelId.ShouldBe(bed.Cart.ChannelId);
        order.Email.ShouldBe("ada@example.com");
        var email = result.Activities.ShouldHaveSingleItem().ShouldBeOfType<EmailActivity>();
        email.Subject.ShouldBe($"Your quotation {order.Number}");
        email.To.ShouldBe("ada@example.com");
    }

    [Fact]
    public void ConvertToOrderFromContacted()
    {
        var bed = WorkflowTestBed.ForCart();
        bed.FireWithDefaults(Transitions.LogCall);

        bed.Fire(Transitions.ConvertToOrder).CreatedOrder.ShouldNotBeNull();

        bed.Step.ShouldBe(Steps.Converted);
    }

    [Fact]
    public void AnEmptyCartCannotBeConverted()
    {
        var bed = WorkflowTestBed.ForCart(new CartBuilder().Build());

        bed.Button(Transitions.ConvertToOrder).DisabledReason.ShouldBe("The cart has no items.");
        bed.Button(Transitions.ConvertToOpportunity).DisabledReason.ShouldBe("The cart has no items.");
        Should.Throw<DomainException>(() => bed.Fire(Transitions.ConvertToOrder)).Message.ShouldBe("The cart has no items.");
    }

    [Fact]
    public void ConvertToOpportunityNamesItForCustomerAndCartOwnedByTheManagerForTheSubtotal()
    {
        var bed = WorkflowTestBed.ForCart();

        var opportunity = bed.Fire(Transitions.ConvertToOpportunity).CreatedOpportunity.ShouldNotBeNull();

        bed.Step.ShouldBe(Steps.ConvertedToOpportunity);
        opportunity.Name.ShouldBe("Ada Lovelace - cart-1");
        opportunity.OwnerName.ShouldBe("Ann Manager");
        opportunity.OwnerUserId.ShouldBe("user-ann");
        opportunity.Amount.ShouldBe(new Money(30m, "EUR"));
        opportunity.SourceCartId.ShouldBe(42);
        opportunity.CustomerId.ShouldBe(7);
        opportunity.Stage.ShouldBe(OpportunityStages.Prospecting);
        opportunity.CloseDate.ShouldBe(WorkflowTestBed.Now.Date.AddDays(Opportunity.DefaultSalesCycleDays));
        opportunity.StageHistory.ShouldHaveSingleItem().ToStage.ShouldBe(OpportunityStages.Prospecting);
        bed.Buttons.Select(b => b.Name).ShouldBe([Transitions.Reopen]);
    }

    [Fact]
    public void ConvertToOpportunityFollowsTheCrmCartSettingsAsTheSyncDoes()
    {
        var crm = CrmSettings.Defaults with
        {
            AbandonedCartStage = OpportunityStages.Negotiation, CartExpectedCloseDays = 15, ContactRolesEnabled = true, OpportunityCustomerRole = "Economic Buyer",
        };
        var atShipping = new CartBuilder().WithItem("MUG", 2, 12.5m).AtStep(CheckoutStep.Shipping).Build();

        var opportunity = WorkflowTestBed.ForCart(atShipping, crm: crm).Fire(Transitions.ConvertToOpportunity).CreatedOpportunity.ShouldNotBeNull();

        opportunity.Stage.ShouldBe(OpportunityStages.Negotiation);
        opportunity.CloseDate.ShouldBe(WorkflowTestBed.Now.Date.AddDays(15));
        opportunity.ContactRole.ShouldBe("Economic Buyer");
    }

    [Fact]
    public void ACartBeforeCheckoutConvertsAtTheFirstStageWithoutARoleWhenRolesAreOff()
    {
        var crm = CrmSettings.Defaults with { AbandonedCartStage = OpportunityStages.Negotiation, CartExpectedCloseDays = 45 };

        var opportunity = WorkflowTestBed.ForCart(crm: crm).Fire(Transitions.ConvertToOpportunity).CreatedOpportunity.ShouldNotBeNull();

        opportunity.Stage.ShouldBe(OpportunityStages.Prospecting);
        opportunity.CloseDate.ShouldBe(WorkflowTestBed.Now.Date.AddDays(45));
        opportunity.ContactRole.ShouldBeNull();
    }

    [Fact]
    public void ReopenFromConvertedToOpportunityGoesBackToOpen()
    {
        var bed = WorkflowTestBed.ForCart();
        bed.Fire(Transitions.ConvertToOpportunity);

        bed.Fire(Transitions.Reopen, ("note", "Customer came back"));

        bed.Step.ShouldBe(Steps.Open);
        bed.Cart.Status.ShouldBe(CartStatus.Open);
    }

    [Fact]
    public void ConvertedIsFinal()
    {
        var bed = WorkflowTestBed.ForCart();
        bed.Fire(Transitions.ConvertToOrder);

        bed.Buttons.ShouldBeEmpty();
        Should.Throw<DomainException>(() => bed.Fire(Transitions.Reopen)).Message.ShouldBe("'Reopen' is not possible while the cart is at step Converted.");
        Should.Throw<DomainException>(() => bed.FireWithDefaults(Transitions.LogCall));
    }

    [Theory]
    [InlineData(Steps.Open)]
    [InlineData(Steps.Contacted)]
    [InlineData(Steps.Abandoned)]
    [InlineData(Steps.ConvertedToOpportunity)]
    public void TheStorefrontPlacingAnOrderMovesTheCartToConvertedByItself(string from)
    {
        var bed = WorkflowTestBed.ForCart();
        if (from != Steps.Open) bed.FireWithDefaults(Transitions.LogCall);
        if (from == Steps.Abandoned) bed.Fire(Transitions.Abandon, ("confirm", "true"), ("note", "gone"));
        if (from == Steps.ConvertedToOpportunity) bed.Fire(Transitions.ConvertToOpportunity);
        bed.Step.ShouldBe(from);

        bed.Machine.Fire(Transitions.Purchased, new Dictionary<string, string?>(), Actor.System, WorkflowTestBed.Now);

        bed.Step.ShouldBe(Steps.Converted);
        bed.Item.Transitions[^1].UserName.ShouldBe(Actor.System.Name);
    }

    [Fact]
    public void TheStorefrontPurchaseIsNeverOfferedAsAButton()
    {
        var bed = WorkflowTestBed.ForCart();

        bed.Buttons.ShouldNotContain(b => b.Name == Transitions.Purchased);
        bed.Machine.CanFire(Transitions.Purchased).ShouldBeTrue();
    }

    [Fact]
    public void AnUnknownTransitionIsRefusedWithAReadableMessage()
    {
        var bed = WorkflowTestBed.ForCart();

        Should.Throw<DomainException>(() => bed.Fire("teleport")).Message.ShouldBe("The Abandoned Shopping Cart workflow has no action 'teleport'.");
    }
}
