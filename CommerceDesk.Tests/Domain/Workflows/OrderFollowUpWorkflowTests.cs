using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Workflows;
using static CommerceDesk.Domain.Workflows.OrderFollowUpWorkflow;

namespace CommerceDesk.Tests.Domain.Workflows;

public sealed class OrderFollowUpWorkflowTests
{
    [Fact]
    public void ANewOrderIsNotContactedAndOffersSendEmailAndLogCall()
    {
        var bed = WorkflowTestBed.ForOrder();

        bed.Step.ShouldBe(Steps.NotContacted);
        bed.Buttons.Select(b => b.Name).ShouldBe([Transitions.SendEmail, Transitions.LogCall]);
        bed.Buttons.ShouldAllBe(b => b.IsEnabled);
    }

    [Fact]
    public void SendEmailMovesToEmailedAndRecordsTheEmail()
    {
        var bed = WorkflowTestBed.ForOrder();

        var email = bed.FireWithDefaults(Transitions.SendEmail).Activities.ShouldHaveSingleItem().ShouldBeOfType<EmailActivity>();

        bed.Step.ShouldBe(Steps.Emailed);
        email.To.ShouldBe("ada@example.com");
        email.Subject.ShouldBe("Your order 100001");
        email.OrderId.ShouldBe(77);
        bed.Buttons.Select(b => b.Name).ShouldBe([Transitions.LogCall, Transitions.RecordFeedback]);
    }

    [Fact]
    public void LogCallFromNotContactedMovesToCalled()
    {
        var bed = WorkflowTestBed.ForOrder();

        var call = bed.FireWithDefaults(Transitions.LogCall).Activities.ShouldHaveSingleItem().ShouldBeOfType<CallActivity>();

        bed.Step.ShouldBe(Steps.Called);
        call.OrderId.ShouldBe(77);
        bed.Buttons.Select(b => b.Name).ShouldBe([Transitions.RecordFeedback, Transitions.NoReply]);
    }

    [Fact]
    public void LogCallFromEmailedMovesToCalled()
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.SendEmail);

        bed.FireWithDefaults(Transitions.LogCall);

        bed.Step.ShouldBe(Steps.Called);
    }

    [Fact]
    public void RecordFeedbackAfterAnEmailEndsTheWorkflowAndStoresRatingAndComments()
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.SendEmail);

        bed.Fire(Transitions.RecordFeedback, ("rating", "4"), ("comments", "Quick delivery"));

        bed.Step.ShouldBe(Steps.Contacted);
        (bed.Order.FeedbackRating, bed.Order.FeedbackComments, bed.Order.FeedbackAt).ShouldBe((4, "Quick delivery", WorkflowTestBed.Now));
    }

    [Fact]
    public void RecordFeedbackAfterACallEndsAllContact()
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.LogCall);

        bed.Fire(Transitions.RecordFeedback, ("rating", "5"));

        bed.Step.ShouldBe(Steps.Contacted);
        bed.Buttons.ShouldBeEmpty();
        Should.Throw<DomainException>(() => bed.FireWithDefaults(Transitions.LogCall)).Message.ShouldBe("'Log call' is not possible while the order is at step Contacted.");
        Should.Throw<DomainException>(() => bed.FireWithDefaults(Transitions.SendEmail));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("great")]
    [InlineData(null)]
    public void RecordFeedbackNeedsARatingFromOneToFive(string? rating)
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.LogCall);

        var error = Should.Throw<WorkflowFormException>(() => bed.Fire(Transitions.RecordFeedback, ("rating", rating)));

        error.Errors.Keys.ShouldBe(["rating"]);
        bed.Step.ShouldBe(Steps.Called);
        bed.Order.FeedbackRating.ShouldBeNull();
    }

    [Fact]
    public void NoReplyRequiresANote()
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.LogCall);

        var error = Should.Throw<WorkflowFormException>(() => bed.Fire(Transitions.NoReply, ("note", "")));

        error.Errors["note"].ShouldBe("Note is required.");
        bed.Step.ShouldBe(Steps.Called);
    }

    [Fact]
    public void NoReplyGoesBackToNotContactedAndRecordsTheNote()
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.LogCall);

        var note = bed.Fire(Transitions.NoReply, ("note", "answering machine")).Activities.ShouldHaveSingleItem().ShouldBeOfType<NoteActivity>();

        bed.Step.ShouldBe(Steps.NotContacted);
        note.Text.ShouldBe("No reply: answering machine");
    }

    [Fact]
    public void NoReplyIsOnlyOfferedAfterACall()
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.SendEmail);

        bed.Buttons.ShouldNotContain(b => b.Name == Transitions.NoReply);
        Should.Throw<DomainException>(() => bed.Fire(Transitions.NoReply, ("note", "x")));
    }

    [Fact]
    public void TheCustomerIsEmailedOnlyOncePerOrder()
    {
        var bed = WorkflowTestBed.ForOrder();
        bed.FireWithDefaults(Transitions.SendEmail);
        bed.FireWithDefaults(Transitions.LogCall);
        bed.Fire(Transitions.NoReply, ("note", "call back after six"));

        bed.Step.ShouldBe(Steps.NotContacted);
        var sendEmail = bed.Button(Transitions.SendEmail);
        sendEmail.IsEnabled.ShouldBeFalse();
        sendEmail.DisabledReason.ShouldBe(NotEmailedYet.UnmetReason);
        bed.Button(Transitions.LogCall).IsEnabled.ShouldBeTrue();
        Should.Throw<DomainException>(() => bed.FireWithDefaults(Transitions.SendEmail)).Message.ShouldContain("e-mailed only once");
        bed.Step.ShouldBe(Steps.NotContacted);
    }

    [Fact]
    public void AnOrderRunsThroughEmailCallNoReplyCallFeedback()
    {
        var bed = WorkflowTestBed.ForOrder();

        bed.FireWithDefaults(Transitions.SendEmail);
        bed.FireWithDefaults(Transitions.LogCall);
        bed.Fire(Transitions.NoReply, ("note", "answering machine"));
        bed.FireWithDefaults(Transitions.LogCall);
        bed.Fire(Transitions.RecordFeedback, ("rating", "3"), ("comments", "OK"));

        bed.Item.Transitions.Select(t => (t.FromStep, t.ToStep)).ShouldBe(
        [
            (Steps.NotContacted, Steps.Emailed), (Steps.Emailed, Steps.Called), (Steps.Called, Steps.NotContacted),
            (Steps.NotContacted, Steps.Called), (Steps.Called, Steps.Contacted),
        ]);
    }
}
