using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;

namespace CommerceDesk.Tests.Email;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RetriesBackOffExponentiallyUpToTheCap()
    {
        OutboxMessage.RetryDelay(1).ShouldBe(TimeSpan.FromMinutes(1));
        OutboxMessage.RetryDelay(2).ShouldBe(TimeSpan.FromMinutes(2));
        OutboxMessage.RetryDelay(4).ShouldBe(TimeSpan.FromMinutes(8));
        OutboxMessage.RetryDelay(30).ShouldBe(OutboxMessage.MaxRetryDelay);
    }

    [Fact]
    public void OnlyAFailedMessageCanBeResent()
    {
        var message = new OutboxMessage("k", "ann@example.com", "Hi", "<p>Hi</p>", "Hi", Now);

        Should.Throw<DomainException>(() => message.Resend(Now)).Message.ShouldBe("Only a failed message can be sent again; this one is Pending.");
    }

    [Fact]
    public void SubjectLineBreaksCannotInjectHeaders()
    {
        new OutboxMessage("k", "ann@example.com", "Hi\r\nBcc: evil@example.com", "", "", Now).Subject.ShouldBe("Hi Bcc: evil@example.com");
    }

    [Fact]
    public void AnInvalidRecipientIsRefused()
    {
        Should.Throw<DomainException>(() => new OutboxMessage("k", "not an address", "Hi", "", "", Now));
    }
}
