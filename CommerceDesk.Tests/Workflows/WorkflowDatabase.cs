using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommerceDesk.Tests.Workflows;

/// <summary>A migrated database (SQLite unless told) with a channel, a customer, a cart and an order, and the workflow handlers on it.</summary>
public sealed class WorkflowDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime, IDbContextFactory<CommerceDbContext>
{
    public string Path { get; private set; } = "";
    public FakeTimeProvider Time { get; } = new(Clock.Start.AddDays(1));
    public long CartId { get; private set; }
    public long OrderId { get; private set; }

    public async Task InitializeAsync()
    {
        Path = await TestDatabase.CreateAsync(provider);
        await using var db = CreateDbContext();
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

    public CommerceDbContext CreateDbContext() => TestDatabase.Open(Path);

    public FireTransition Fire() => new(this, WorkflowRegistry.Default, new WorkflowEmailQueue(NullLogger<WorkflowEmailQueue>.Instance), Time, NullLogger<FireTransition>.Instance);

    public LoadWorkflowPanel Panel() => new(this, WorkflowRegistry.Default, Time);

    public LoadActivityLog Log() => new(this, WorkflowRegistry.Default);

    public static Dictionary<string, string?> CallForm(string notes = "") => new()
    {
        ["phone"] = "+44 20 7946 0000", ["subject"] = "Shopping cart status refresh", ["calledAt"] = "2026-11-03T09:00:00Z",
        ["direction"] = "Outbound", ["outcome"] = "Answered", ["duration"] = "3", ["notes"] = notes,
    };
}
