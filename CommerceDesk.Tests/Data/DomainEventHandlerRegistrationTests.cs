using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Data;

/// <summary>An event nobody handles is a rule written down and never applied: the app handles every event the domain raises.</summary>
public sealed class DomainEventHandlerRegistrationTests(CommerceDeskFactory factory) : IClassFixture<CommerceDeskFactory>
{
    public static TheoryData<string> Events() =>
        new(typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(Events))]
    public void EveryDomainEventHasAHandlerInTheApp(string eventType)
    {
        var type = typeof(IDomainEvent).Assembly.GetType(eventType)!;

        var handlers = (IEnumerable<object>)factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IDomainEventHandler<>).MakeGenericType(type)))!;

        handlers.ShouldNotBeEmpty();
    }
}
