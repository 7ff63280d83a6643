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

    /// <summary>docs/architecture.md is where a newcomer looks up what an event sets off: every handler the app registers is named there.</summary>
    [Theory]
    [MemberData(nameof(Events))]
    public void TheArchitectureNotesNameEveryHandlerOfTheEvent(string eventType)
    {
        var type = typeof(IDomainEvent).Assembly.GetType(eventType)!;
        var notes = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));

        var handlers = (IEnumerable<object>)factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IDomainEventHandler<>).MakeGenericType(type)))!;

        foreach (var handler in handlers) notes.ShouldContain($"`{handler.GetType().Name}`", customMessage: $"{type.Name} → {handler.GetType().Name}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CommerceDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException("The tests run from inside the repository; CommerceDesk.sln was not found above " + AppContext.BaseDirectory);
    }
}
