using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;

namespace CommerceDesk.Domain.Workflows;

/// <summary>The record a workflow runs on, with its customer (for prefilled phone and e-mail).</summary>
public sealed class WorkflowSubject
{
    private WorkflowSubject(WorkflowSubjectType type, Cart? cart, Order? order, Customer? customer)
    {
        Type = type;
        Cart = cart;
        Order = order;
        Customer = customer;
    }

    /// <param name="crm">The CRM settings a cart's "Convert to opportunity" follows; the defaults when not given.</param>
    public static WorkflowSubject For(Cart cart, Customer? customer = null, CrmSettings? crm = null) =>
        new(WorkflowSubjectType.Cart, cart, null, customer) { Crm = crm ?? CrmSettings.Defaults };

    public static WorkflowSubject For(Order order, Customer? customer = null) => new(WorkflowSubjectType.Order, null, order, customer);

    public WorkflowSubjectType Type { get; }
    public Cart? Cart { get; }
    public Order? Order { get; }
    public Customer? Customer { get; }
    public CrmSettings Crm { get; private init; } = CrmSettings.Defaults;

    public long Id => Cart?.Id ?? Order!.Id;

    /// <summary>"cart" or "order", for messages.</summary>
    public string Noun => Type == WorkflowSubjectType.Cart ? "cart" : "order";

    /// <summary>The record's own e-mail (what the customer typed at checkout), else the customer's.</summary>
    public string? ContactEmail
    {
        get
        {
            var own = Cart?.Email ?? Order?.Email;
            if (!EmailAddress.IsPlaceholder(own)) return own;
            return EmailAddress.IsPlaceholder(Customer?.Email) ? null : Customer?.Email;
        }
    }

    public string? ContactPhone => Customer?.Phone;

    public Cart RequireCart() => Cart ?? throw new InvalidOperationException("This action applies to carts only.");

    public Order RequireOrder() => Order ?? throw new InvalidOperationException("This action applies to orders only.");
}
