using CommerceDesk.Data;
using CommerceDesk.Data.Interceptors;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommerceDesk.Tests.Workflows;

/// <summary>A migrated database (SQLite unless told) with a channel, a customer, a cart and an order, and the workflow handlers and domain-event handlers on it.</summary>
public sealed class WorkflowDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime, IDbContextFactory<CommerceDbContext>
{
    public string Path { get; private set; } = "";
    public FakeTimeProvider Time { get; } = new(Clock.Start.AddDays(1));
    public long CartId { get; private set; }
    public long OrderId { get; private set; }
    private DomainEventInterceptor? _events;

    public async Task InitializeAsync()
    {
        Path = await TestDatabase.CreateAsync(provider);
        _events = AppEventHandlers.Interceptor(Time);
        // The arrangement is history: stored as it is, without the e-mails a new order would queue.
        await using var db = TestDatabase.Open(Path);
        var channel = new Channel("web", "Web", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        var customer = new Customer(channel.Id, "cust-1", new CustomerDetails("ada@example.com", "Ada", "Lovelace", "+44 20 7946 0000", null, false, Clock.Start), Clock.Start, Clock.Start);
        db.Customers.Add(customer);
        var cart = new CartBuilder().InChannel(channel.Id).WithItem("MUG", 2, 12.5m).Build();
        var order = new OrderBuilder().InChannel(channel.Id).Build();
        db.AddRange(cart, order);
        await db.SaveChangesAsync();
        cart.LinkCustomer(customer.Id);
        order.LinkCustomer(customer.Id);
        await db.SaveChangesAsync();
        CartId = cart.Id;
        OrderId = order.Id;
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(Path);
        return Task.CompletedTask;
    }

    /// <summary>A context with the app's domain-event handlers, as the app's factory makes them.</summary>
    public CommerceDbContext CreateDbContext() => TestDatabase.Open(Path, _events!);

    public FireTransition Fire() => new(this, WorkflowRegistry.Default, new WorkflowEmailQueue(NullLogger<WorkflowEmailQueue>.Instance), Time, NullLogger<FireTransition>.Instance);

    public LoadWorkflowPanel Panel() => new(this, WorkflowRegistry.Default, Time);

    public LoadActivityLog Log() => new(this, WorkflowRegistry.Default);

    public static Dictionary<string, string?> CallForm(string notes = "") => new()
    {
        ["phone"] = "+44 20 7946 0000", ["subject"] = "Shopping cart status refresh", ["calledAt"] = "2026-11-03T09:00:00Z",
        ["direction"] = "Outbound", ["outcome"] = "Answered", ["duration"] = "3", ["notes"] = notes,
    };
}
