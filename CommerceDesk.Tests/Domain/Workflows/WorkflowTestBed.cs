using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Domain.Workflows;

/// <summary>A saved-looking cart or order (ids set) with its customer and a workflow item, ready to fire transitions.</summary>
public sealed class WorkflowTestBed
{
    public static readonly Actor Ann = new("user-ann", "Ann Manager");
    public static readonly DateTime Now = Clock.Start.AddDays(1);

    private WorkflowTestBed(WorkflowSubject subject, WorkflowDefinition definition)
    {
        Subject = subject;
        Item = WorkflowItem.Start(definition, subject, Now);
        Machine = new WorkflowMachine(definition, Item, subject);
    }

    public WorkflowSubject Subject { get; }
    public WorkflowItem Item { get; }
    public WorkflowMachine Machine { get; }
    public Cart Cart => Subject.RequireCart();
    public Order Order => Subject.RequireOrder();

    public static Customer Customer(string? phone = "+44 20 7946 0000", string? email = "ada@example.com") =>
        WithId(new Customer(1, "cust-1", new CustomerDetails(email, "Ada", "Lovelace", phone, null, false, Clock.Start), Clock.Start, Clock.Start), 7);

    public static WorkflowTestBed ForCart(Cart? cart = null, Customer? customer = null, CommerceDesk.Domain.Crm.CrmSettings? crm = null) =>
        new(WorkflowSubject.For(WithId(cart ?? new CartBuilder().WithItem("MUG", 2, 12.5m).WithItem("TEA", 1, 5m).Build(), 42),
            customer ?? Customer(), crm), AbandonedShoppingCartWorkflow.Definition);

    public static WorkflowTestBed ForOrder(Customer? customer = null) =>
        new(WorkflowSubject.For(WithId(new OrderBuilder().Build(), 77), customer ?? Customer()), OrderFollowUpWorkflow.Definition);

    public string Step => Item.CurrentStep;

    public IReadOnlyList<AvailableTransition> Buttons => Machine.AvailableTransitions();

    public AvailableTransition Button(string name) => Buttons.Single(b => b.Name == name);

    public TransitionContext Fire(string transition, params (string Field, string? Value)[] form) =>
        Machine.Fire(transition, form.ToDictionary(f => f.Field, f => f.Value), Ann, Now);

    /// <summary>Fires with the form prefilled as the dialog would show it, plus <paramref name="overrides"/>.</summary>
    public TransitionContext FireWithDefaults(string transition, params (string Field, string? Value)[] overrides)
    {
        var values = Machine.Definition.FindTransition(transition)!.Form.Prefill(Subject, Now);
        foreach (var (field, value) in overrides) values[field] = value;
        return Machine.Fire(transition, values, Ann, Now);
    }

    public static T WithId<T>(T entity, long id) where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }
}
